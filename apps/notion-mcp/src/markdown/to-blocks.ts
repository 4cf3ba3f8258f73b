import type { BlockObjectRequest } from '@notionhq/client';
import { MAX_TEXT_CONTENT, markdownToRichText, type RichTextRequest } from './inline';

type CodeLanguage = Extract<BlockObjectRequest, { code: unknown }>['code']['language'];

/** One parsed block and the blocks nested under it (list items only). */
interface Node {
  block: BlockObjectRequest;
  children: Node[];
  /** Indentation of a list item's marker, to place the items that follow it. */
  indent: number;
}

/**
 * Notion takes at most two levels of nested children in one request; list items indented
 * deeper are attached at the deepest allowed level.
 */
const MAX_NESTING = 2;

const LIST_ITEM = /^(\s*)(?:([-*+])\s+\[( |x|X)\]|([-*+])|(\d+)[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const DIVIDER = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)\s*([\w#+-]*)\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/**
 * Markdown → Notion blocks: # / ## / ### headings (deeper ones become ###), paragraphs, bulleted,
 * numbered and to-do lists (nested by indentation), fenced code, quotes and dividers, with
 * inline formatting inside. Anything else is kept as paragraph text.
 */
export function markdownToBlocks(markdown: string): BlockObjectRequest[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const roots: Node[] = [];
  /** Open list items, outermost first, that following indented items nest under. */
  let listStack: Node[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) roots.push(leaf(block('paragraph', paragraph.join('\n'))));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      listStack = [];
      const body: string[] = [];
      while (++i < lines.length && !(lines[i] as string).trim().startsWith(fence[1] as string)) body.push(lines[i] as string);
      roots.push(leaf(codeBlock(body.join('\n'), fence[2] ?? '')));
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && !DIVIDER.test(line)) {
      flushParagraph();
      const indent = (item[1] as string).replace(/\t/g, '    ').length;
      const node: Node = { block: listItem(item), children: [], indent };
      while (listStack.length && (listStack[listStack.length - 1] as Node).indent >= indent) listStack.pop();
      // Too deep for one request: attach at the deepest allowed level instead.
      if (listStack.length > MAX_NESTING) listStack = listStack.slice(0, MAX_NESTING);
      const parent = listStack[listStack.length - 1];
      (parent ? parent.children : roots).push(node);
      listStack.push(node);
      continue;
    }
    listStack = [];
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      const level = Math.min((heading[1] as string).length, 3) as 1 | 2 | 3;
      roots.push(leaf(block(`heading_${level}`, heading[2] as string)));
      continue;
    }
    if (DIVIDER.test(line)) {
      flushParagraph();
      roots.push(leaf({ type: 'divider', divider: {} }));
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      flushParagraph();
      const quoted = [quote[1] as string];
      while (i + 1 < lines.length && QUOTE.test(lines[i + 1] as string)) quoted.push(QUOTE.exec(lines[++i] as string)?.[1] ?? '');
      roots.push(leaf(block('quote', quoted.join('\n'))));
      continue;
    }
    paragraph.push(line.trim());
  }
  flushParagraph();
  return roots.map(toRequest);
}

const leaf = (block: BlockObjectRequest): Node => ({ block, children: [], indent: -1 });

type TextBlockType = 'paragraph' | 'heading_1' | 'heading_2' | 'heading_3' | 'quote' | 'bulleted_list_item' | 'numbered_list_item';

function block(type: TextBlockType, markdown: string): BlockObjectRequest {
  const body = { rich_text: markdownToRichText(markdown) };
  switch (type) {
    case 'paragraph':
      return { type, paragraph: body };
    case 'heading_1':
      return { type, heading_1: body };
    case 'heading_2':
      return { type, heading_2: body };
    case 'heading_3':
      return { type, heading_3: body };
    case 'quote':
      return { type, quote: body };
    case 'bulleted_list_item':
      return { type, bulleted_list_item: body };
    case 'numbered_list_item':
      return { type, numbered_list_item: body };
  }
}

function listItem(match: RegExpExecArray): BlockObjectRequest {
  const text = match[6] as string;
  if (match[3] !== undefined) {
    return { type: 'to_do', to_do: { rich_text: markdownToRichText(text), checked: match[3].toLowerCase() === 'x' } };
  }
  return block(match[5] !== undefined ? 'numbered_list_item' : 'bulleted_list_item', text);
}

function toRequest(node: Node): BlockObjectRequest {
  if (node.children.length === 0) return node.block;
  const type = node.block.type as string;
  const body = (node.block as Record<string, unknown>)[type] as { rich_text: RichTextRequest[] };
  // Nesting depth is bounded by the parser (MAX_NESTING), which the SDK's per-level types cannot follow.
  return { ...node.block, [type]: { ...body, children: node.children.map(toRequest) } } as BlockObjectRequest;
}

/** Fence info strings people write, mapped to Notion's language names. */
const LANGUAGE_ALIASES: Record<string, CodeLanguage> = {
  '': 'plain text',
  text: 'plain text',
  txt: 'plain text',
  plaintext: 'plain text',
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  rb: 'ruby',
  sh: 'shell',
  zsh: 'shell',
  yml: 'yaml',
  md: 'markdown',
  cs: 'c#',
  csharp: 'c#',
  cpp: 'c++',
  rs: 'rust',
  kt: 'kotlin',
  golang: 'go',
  dockerfile: 'docker',
  tf: 'hcl',
  ps1: 'powershell',
};

/** Languages Notion accepts under their own name (a subset; others fall back to plain text). */
const NOTION_LANGUAGES = new Set<CodeLanguage>([
  'bash', 'c', 'c#', 'c++', 'clojure', 'css', 'dart', 'diff', 'docker', 'elixir', 'erlang', 'go', 'graphql',
  'groovy', 'haskell', 'hcl', 'html', 'java', 'javascript', 'json', 'kotlin', 'lua', 'makefile', 'markdown',
  'mermaid', 'nix', 'objective-c', 'ocaml', 'perl', 'php', 'plain text', 'powershell', 'protobuf', 'python', 'r',
  'ruby', 'rust', 'sass', 'scala', 'scss', 'shell', 'sql', 'swift', 'toml', 'typescript', 'xml', 'yaml',
]);

const CODE_CHUNK = new RegExp(`[\\s\\S]{1,${MAX_TEXT_CONTENT}}`, 'g');

function codeBlock(code: string, info: string): BlockObjectRequest {
  const name = info.toLowerCase();
  const language = LANGUAGE_ALIASES[name] ?? (NOTION_LANGUAGES.has(name as CodeLanguage) ? (name as CodeLanguage) : 'plain text');
  // Code keeps its characters verbatim (no inline Markdown), split at Notion's 2000-character limit.
  const rich_text: RichTextRequest[] = (code.match(CODE_CHUNK) ?? ['']).map((content) => ({ type: 'text', text: { content } }));
  return { type: 'code', code: { rich_text, language } };
}
