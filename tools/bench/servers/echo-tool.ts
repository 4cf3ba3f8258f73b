/**
 * The one tool both echo servers expose: same name, same input, same answer, so rows
 * (a) and (b) differ only in what serves it.
 */
export const ECHO_TOOL = {
  name: 'echo',
  title: 'Echo',
  description: 'Returns the message it is given.',
} as const;

export function echoText(message: string): string {
  return JSON.stringify({ echoed: message });
}
