import { pageNumberCursor } from '@sophia/mcp-base';

/** GitHub's page/per_page for a list tool's cursor and limit. */
export function pageRequest(input: { cursor?: string; limit: number }) {
  return { page: pageNumberCursor.read(input.cursor), per_page: input.limit };
}

/** Our cursor for the next page exactly when GitHub's Link header names one. */
export function nextCursor(page: { page: number }, response: { headers: { link?: string } }): string | undefined {
  return pageNumberCursor.next(page.page, /rel="next"/.test(response.headers.link ?? ''));
}
