/** Reads tool results the way a test wants them: parsed JSON, or the error text. */
export type ToolResultLike = { content?: unknown; isError?: boolean } | Record<string, unknown>;

function text(result: ToolResultLike): string {
  const content = ((result as { content?: unknown }).content ?? []) as Array<{ type: string; text?: string }>;
  return content
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('\n');
}

/** The JSON a successful call returned; throws (failing the test) with the error text otherwise. */
export function resultJson<T = unknown>(result: ToolResultLike): T {
  if ((result as { isError?: boolean }).isError) throw new Error(`expected a successful tool result, got an error: ${text(result)}`);
  return JSON.parse(text(result)) as T;
}

/** The error text of a failed call; throws (failing the test) if the call succeeded. */
export function resultError(result: ToolResultLike): string {
  if (!(result as { isError?: boolean }).isError) throw new Error(`expected a tool error, got a result: ${text(result).slice(0, 500)}`);
  return text(result);
}
