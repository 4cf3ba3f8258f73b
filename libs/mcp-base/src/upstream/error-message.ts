/**
 * The vendor's own error message from an error body, cut to a sane length. Vendors put it in
 * different fields; the first that exists wins. Not JSON: the start of the raw text.
 */
export function upstreamErrorMessage(text: string): string | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const nested = body['error'] as Record<string, unknown> | string | undefined;
    // e.g. Asana: { errors: [{ message, help }] }
    const firstOfMany = Array.isArray(body['errors']) ? (body['errors'][0] as Record<string, unknown> | undefined) : undefined;
    const candidate =
      body['message'] ??
      (typeof nested === 'object' ? nested?.['message'] : nested) ??
      firstOfMany?.['message'] ??
      body['error_description'] ??
      body['detail'];
    if (typeof candidate === 'string') return candidate.slice(0, 500);
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.slice(0, 200);
}
