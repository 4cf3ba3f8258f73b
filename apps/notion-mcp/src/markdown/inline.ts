import type { BlockObjectRequest, RichTextItemResponse } from '@notionhq/client';

/** Rich text as Notion's write endpoints take it (the paragraph block's element type). */
export type RichTextRequest = Extract<BlockObjectRequest, { paragraph: unknown }>['paragraph']['rich_text'][number];

interface Style {
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  link?: string;
}

interface Run {
  text: string;
  style: Style;
}

/** Notion refuses text objects longer than this; longer runs are split. */
export const MAX_TEXT_CONTENT = 2000;

/**
 * Inline Markdown → Notion rich text: **bold**, *italic* / _italic_, ~~strike~~, `code`,
 * [text](url), and backslash escapes. Markers without a closing partner stay literal text.
 */
export function markdownToRichText(markdown: string): RichTextRequest[] {
  return mergeRuns(parseInline(markdown, {})).flatMap(toRichText);
}

function parseInline(text: string, style: Style): Run[] {
  const runs: Run[] = [];
  let literal = '';
  const flush = () => {
    if (literal) runs.push({ text: literal, style });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text[i] as string;
    if (char === '\\' && i + 1 < text.length && /[\\`*_~[\]()#>-]/.test(text[i + 1] as string)) {
      literal += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        runs.push({ text: text.slice(i + 1, end), style: { ...style, code: true } });
        i = end + 1;
        continue;
      }
    }
    const paired = pairedMarker(rest, text, i);
    if (paired) {
      flush();
      runs.push(...parseInline(paired.inner, { ...style, ...paired.style }));
      i += paired.length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link && !style.link) {
      flush();
      runs.push(...parseInline(link[1] as string, { ...style, link: link[2] as string }));
      i += link[0].length;
      continue;
    }
    literal += char;
    i += 1;
  }
  flush();
  return runs;
}

const MARKERS: Array<{ open: string; style: Style }> = [
  { open: '**', style: { bold: true } },
  { open: '__', style: { bold: true } },
  { open: '~~', style: { strikethrough: true } },
  { open: '*', style: { italic: true } },
  { open: '_', style: { italic: true } },
];

/** An emphasis span starting at `rest`, if its closing marker exists and it encloses non-space text. */
function pairedMarker(rest: string, whole: string, at: number): { inner: string; style: Style; length: number } | undefined {
  for (const { open, style } of MARKERS) {
    if (!rest.startsWith(open) || /\s/.test(rest[open.length] ?? ' ')) continue;
    // snake_case words are not emphasis: "_" must not sit inside a word.
    if (open.startsWith('_') && /\w/.test(whole[at - 1] ?? '')) continue;
    let end = rest.indexOf(open, open.length + 1);
    // "*" must not match the first half of a "**".
    while (open === '*' && end !== -1 && rest[end + 1] === '*') end = rest.indexOf(open, end + 2);
    if (end === -1 || /\s/.test(rest[end - 1] as string)) continue;
    if (open.startsWith('_') && /\w/.test(rest[end + open.length] ?? '')) continue;
    return { inner: rest.slice(open.length, end), style, length: end + open.length };
  }
  return undefined;
}

const sameStyle = (a: Style, b: Style) =>
  !!a.bold === !!b.bold &&
  !!a.italic === !!b.italic &&
  !!a.strikethrough === !!b.strikethrough &&
  !!a.code === !!b.code &&
  a.link === b.link;

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last.style, run.style)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function toRichText({ text, style }: Run): RichTextRequest[] {
  const annotations = {
    ...(style.bold && { bold: true }),
    ...(style.italic && { italic: true }),
    ...(style.strikethrough && { strikethrough: true }),
    ...(style.code && { code: true }),
  };
  const pieces: RichTextRequest[] = [];
  for (let start = 0; start < text.length; start += MAX_TEXT_CONTENT) {
    const content = text.slice(start, start + MAX_TEXT_CONTENT);
    pieces.push({
      type: 'text',
      text: style.link ? { content, link: { url: style.link } } : { content },
      ...(Object.keys(annotations).length > 0 && { annotations }),
    });
  }
  return pieces;
}

/** Notion rich text → inline Markdown (the inverse of markdownToRichText, plus mentions and equations). */
export function richTextToMarkdown(items: readonly RichTextItemResponse[]): string {
  return items.map(itemToMarkdown).join('');
}

/** Rich text as plain text, for titles and property values. */
export const plainText = (items: readonly RichTextItemResponse[]): string => items.map((item) => item.plain_text).join('');

function itemToMarkdown(item: RichTextItemResponse): string {
  if (item.type === 'equation') return `$${item.equation.expression}$`;
  const { bold, italic, strikethrough, code } = item.annotations;
  // Emphasis markers must hug the text: keep surrounding spaces outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(item.plain_text) ?? [];
  if (!core) return item.plain_text;
  let text = code ? `\`${core}\`` : core;
  if (strikethrough) text = `~~${text}~~`;
  if (italic) text = `*${text}*`;
  if (bold) text = `**${text}**`;
  if (item.href) text = `[${text}](${item.href})`;
  return `${lead}${text}${trail}`;
}
