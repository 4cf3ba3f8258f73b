/**
 * The vendor's own error message from an error body, cut to a sane length. Vendors put it in
 * different fields; the first that exists wins. Not JSON: the start of the raw text.
 */
export function upstreamErrorMessage(text: string): string | undefined {
  if (!text) return undefined;
  try {
    const candidate = messageOf(JSON.parse(text));
    if (candidate) return candidate.slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}

/**
 * Where vendors put it: `message`; `error` as text or `{ message }`; `errors` as `[{ message }]`
 * (Asana) or `["…"]` (Gong); `data.message` (Portkey); `err` (Figma); OAuth's `error_description`;
 * `detail` (problem+json).
 */
function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const error = record['error'];
  const [first] = Array.isArray(record['errors']) ? (record['errors'] as unknown[]) : [];
  const data = record['data'];
  const candidates = [
    record['message'],
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['message'] : error,
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>)['message'] : first,
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['message'] : undefined,
    record['err'],
    record['error_description'],
    record['detail'],
  ];
  return candidates.find((candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '');
}
