import type { BlockObjectResponse } from '@notionhq/client';
import { plainText, richTextToMarkdown } from './inline';

/** A block with the children we fetched for it (none when it has none or they were not fetched). */
export interface BlockNode {
  block: BlockObjectResponse;
  children: BlockNode[];
  /** True when the block has children that were not fetched (depth or size limit). */
  childrenOmitted?: boolean;
}

const LIST_TYPES = new Set(['bulleted_list_item', 'numbered_list_item', 'to_do', 'toggle']);

/**
 * Notion blocks → Markdown. Text blocks keep their inline formatting; list children are
 * indented under their item; blocks Markdown cannot express (child pages and databases,
 * files, embeds) become a line that names them and their id or URL.
 */
export function blocksToMarkdown(nodes: readonly BlockNode[], indent = ''): string {
  const parts: string[] = [];
  let number = 0;
  nodes.forEach((node, index) => {
    number = node.block.type === 'numbered_list_item' ? number + 1 : 0;
    const text = renderNode(node, indent, number);
    if (text === undefined) return;
    // List items sit on consecutive lines; everything else is separated by a blank line.
    const previous = nodes[index - 1];
    const tight = previous && LIST_TYPES.has(previous.block.type) && LIST_TYPES.has(node.block.type);
    parts.push(parts.length === 0 ? text : `${tight ? '\n' : '\n\n'}${text}`);
  });
  return parts.join('');
}

function renderNode(node: BlockNode, indent: string, number: number): string | undefined {
  const own = renderBlock(node.block, number);
  if (own === undefined) return undefined;
  const omitted = node.childrenOmitted ? `\n${indent}  … [nested content not fetched]` : '';
  if (node.block.type === 'table') return prefixLines(renderTable(node), indent);
  const childIndent = LIST_TYPES.has(node.block.type) ? `${indent}  ` : indent;
  const children = node.children.length ? blocksToMarkdown(node.children, childIndent) : '';
  const separator = LIST_TYPES.has(node.block.type) ? '\n' : '\n\n';
  return `${prefixLines(own, indent)}${children ? `${separator}${children}` : ''}${omitted}`;
}

const prefixLines = (text: string, indent: string) =>
  indent ? text.split('\n').map((line) => (line ? `${indent}${line}` : line)).join('\n') : text;

const quoteLines = (text: string) => text.split('\n').map((line) => `> ${line}`).join('\n');

function renderBlock(block: BlockObjectResponse, number: number): string | undefined {
  switch (block.type) {
    case 'paragraph':
      return richTextToMarkdown(block.paragraph.rich_text);
    case 'heading_1':
      return `# ${richTextToMarkdown(block.heading_1.rich_text)}`;
    case 'heading_2':
      return `## ${richTextToMarkdown(block.heading_2.rich_text)}`;
    case 'heading_3':
      return `### ${richTextToMarkdown(block.heading_3.rich_text)}`;
    case 'bulleted_list_item':
      return `- ${richTextToMarkdown(block.bulleted_list_item.rich_text)}`;
    case 'numbered_list_item':
      return `${number}. ${richTextToMarkdown(block.numbered_list_item.rich_text)}`;
    case 'to_do':
      return `- [${block.to_do.checked ? 'x' : ' '}] ${richTextToMarkdown(block.to_do.rich_text)}`;
    case 'toggle':
      return `- ${richTextToMarkdown(block.toggle.rich_text)}`;
    case 'quote':
      return quoteLines(richTextToMarkdown(block.quote.rich_text));
    case 'callout': {
      const icon = block.callout.icon?.type === 'emoji' ? `${block.callout.icon.emoji} ` : '';
      return quoteLines(`${icon}${richTextToMarkdown(block.callout.rich_text)}`);
    }
    case 'code': {
      const language = block.code.language === 'plain text' ? '' : block.code.language;
      return `\`\`\`${language}\n${plainText(block.code.rich_text)}\n\`\`\``;
    }
    case 'equation':
      return `$$\n${block.equation.expression}\n$$`;
    case 'divider':
      return '---';
    case 'child_page':
      return `[Page: ${block.child_page.title}](${block.id}) (use fetch_page with this id)`;
    case 'child_database':
      return `[Database: ${block.child_database.title}](${block.id}) (a database: find its data source with search)`;
    case 'image':
      return `![${plainText(block.image.caption)}](${fileUrl(block.image)})`;
    case 'file':
    case 'pdf':
    case 'video':
    case 'audio': {
      const media = (block as Extract<BlockObjectResponse, { type: 'file' }>).file;
      return `[${block.type}: ${plainText(media.caption) || 'attachment'}](${fileUrl(media)})`;
    }
    case 'bookmark':
      return `<${block.bookmark.url}>`;
    case 'embed':
      return `<${block.embed.url}>`;
    case 'link_preview':
      return `<${block.link_preview.url}>`;
    case 'table':
    case 'column_list':
    case 'column':
    case 'synced_block':
    case 'table_row':
      // Containers: their content is their children.
      return '';
    case 'table_of_contents':
    case 'breadcrumb':
      return undefined;
    default:
      return `<!-- ${block.type} block not shown -->`;
  }
}

type FileLike = { type: 'external'; external: { url: string } } | { type: 'file'; file: { url: string } } | { type: string };

function fileUrl(media: FileLike): string {
  if ('external' in media) return media.external.url;
  if ('file' in media) return media.file.url;
  return '';
}

/** A table's rows are its children; the first row is the header. */
function renderTable(node: BlockNode): string {
  const rows = node.children
    .map((child) => child.block)
    .filter((block): block is Extract<BlockObjectResponse, { type: 'table_row' }> => block.type === 'table_row')
    .map((row) => `| ${row.table_row.cells.map((cell) => richTextToMarkdown(cell).replace(/\|/g, '\\|')).join(' | ')} |`);
  if (rows.length === 0) return '';
  const columns = (rows[0]?.match(/(?<!\\)\|/g)?.length ?? 2) - 1;
  const separator = `|${' --- |'.repeat(columns)}`;
  return [rows[0], separator, ...rows.slice(1)].join('\n');
}
