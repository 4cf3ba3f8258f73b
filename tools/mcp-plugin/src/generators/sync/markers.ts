/**
 * Derived text lives between `<!-- <key>:start -->` and `<!-- <key>:end -->` in a
 * hand-written file; everything outside the markers stays the author's.
 */
export function replaceBetweenMarkers(text: string, key: string, content: string, file: string): string {
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`${file} needs the markers ${start} and ${end} around the generated ${key} section (then run \`npx nx sync\`)`);
  }
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Markdown table from a header and rows; pipes inside cells are escaped. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
