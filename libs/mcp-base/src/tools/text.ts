/**
 * Caps long free text (bodies, comments, notes) and says so inside the text itself, so a
 * model never mistakes a cut for the end.
 */
export function capText(text: string, maxChars: number): string;
export function capText(text: string | null | undefined, maxChars: number): string | null;
export function capText(text: string | null | undefined, maxChars: number): string | null {
  if (text === null || text === undefined) return null;
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n… [truncated: ${text.length - maxChars} more characters not shown]`;
}
