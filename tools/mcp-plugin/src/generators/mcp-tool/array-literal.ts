/**
 * Small, text-level edits of the hand-readable list a new tool joins: the tool array in
 * src/tools/index.ts, and its imports. The edits keep the author's layout (one entry per
 * line, `// toolset` group comments).
 */

/** Where an array literal's brackets are, found after `anchor`. */
interface ArraySpan {
  open: number;
  close: number;
}

export function findArray(text: string, anchor: RegExp): ArraySpan | undefined {
  const match = anchor.exec(text);
  if (!match) return undefined;
  const open = text.indexOf('[', match.index + match[0].length - 1);
  if (open === -1) return undefined;
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '[') depth += 1;
    if (text[index] === ']') depth -= 1;
    if (depth === 0) return { open, close: index };
  }
  return undefined;
}

/**
 * Adds `entry` to the array. An empty or multi-line array gets one entry per line; with
 * `group`, the entry goes to the end of its `// group` section (a new section if none).
 */
export function appendEntry(text: string, span: ArraySpan, entry: string, group?: string): string {
  const body = text.slice(span.open + 1, span.close);
  const lineStart = text.lastIndexOf('\n', span.open) + 1;
  const outerIndent = /^\s*/.exec(text.slice(lineStart))?.[0] ?? '';
  const indent = `${outerIndent}  `;
  if (body.trim() === '') {
    return `${text.slice(0, span.open + 1)}\n${indent}${entry},\n${outerIndent}${text.slice(span.close)}`;
  }
  if (!body.includes('\n')) {
    return `${text.slice(0, span.close).replace(/,?\s*$/, '')}, ${entry}${text.slice(span.close)}`;
  }
  const lines = body.replace(/\n\s*$/, '').split('\n');
  const isComment = (line: string) => /^\s*\/\//.test(line);
  const newLines = [`${indent}${entry},`];
  let at = lines.length;
  if (group && lines.some(isComment)) {
    const header = lines.findIndex((line) => line.trim() === `// ${group}`);
    if (header === -1) newLines.unshift(`${indent}// ${group}`);
    else {
      const nextHeader = lines.findIndex((line, index) => index > header && isComment(line));
      at = nextHeader === -1 ? lines.length : nextHeader;
    }
  }
  // The entry before the insertion point needs its comma.
  const previous = lines.slice(0, at).findLastIndex((line) => line.trim() !== '' && !isComment(line));
  if (previous !== -1 && !lines[previous].trimEnd().endsWith(',')) lines[previous] = `${lines[previous].trimEnd()},`;
  lines.splice(at, 0, ...newLines);
  return `${text.slice(0, span.open + 1)}${lines.join('\n')}\n${outerIndent}${text.slice(span.close)}`;
}

/** Adds an import line: among the sibling imports (`from './…'`) in path order, else after the last import. */
export function addImport(text: string, importLine: string): string {
  const imports = [...text.matchAll(/^import [^;]*;[^\S\n]*$/gm)];
  const source = (line: string) => /from '(\.\/[^']*)'/.exec(line)?.[1];
  const newSource = source(importLine) ?? '';
  const before = imports.find((found) => {
    const existing = source(found[0]);
    return existing !== undefined && existing > newSource;
  });
  if (before) return `${text.slice(0, before.index)}${importLine}\n${text.slice(before.index)}`;
  const last = imports.at(-1);
  if (!last) return `${importLine}\n${text}`;
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}\n${importLine}${text.slice(end)}`;
}
