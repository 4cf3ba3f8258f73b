/**
 * Caps long free text (issue bodies, comments) and says so inside the text itself, so a model
 * never mistakes a cut for the end.
 */
export function capText(text: string | null | undefined, maxChars: number): string | null {
  if (text === null || text === undefined) return null;
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n… [truncated: ${text.length - maxChars} more characters not shown]`;
}

/** The first line of a commit message: its title. */
export const firstLine = (text: string): string => text.split('\n', 1)[0] ?? '';
