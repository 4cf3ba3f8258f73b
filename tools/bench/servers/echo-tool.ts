/**
 * The one tool every echo row exposes: same name, same input, same answer, so the echo rows
 * differ only in what serves it. `listenPort` is where each of them listens (the bench gives
 * every server its own free port in MCP_PORT).
 */
export const ECHO_TOOL = {
  name: 'echo',
  title: 'Echo',
  description: 'Returns the message it is given.',
} as const;

export function echoText(message: string): string {
  return JSON.stringify({ echoed: message });
}

export const listenPort = (): number => Number(process.env['MCP_PORT'] ?? 9097);
