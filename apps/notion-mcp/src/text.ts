/**
 * Caps long free text (page content) and says so inside the text itself, so a model never
 * mistakes a cut for the end.
 */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n… [truncated: ${text.length - maxChars} more characters not shown]`;
}
