import { parseRetryAfter, toolErrorFromStatus } from '../src';

const kindOf = (status: number, extra: Partial<Parameters<typeof toolErrorFromStatus>[0]> = {}) =>
  toolErrorFromStatus({ service: 'Acme', status, ...extra }).kind;

describe('toolErrorFromStatus', () => {
  it.each([
    [400, 'invalid_input'],
    [422, 'invalid_input'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [429, 'rate_limited'],
    [408, 'timeout'],
    [504, 'timeout'],
    [500, 'upstream_error'],
    [502, 'upstream_error'],
  ])('maps HTTP %i to %s', (status, kind) => {
    expect(kindOf(status)).toBe(kind);
  });

  it('treats a 403 with Retry-After or an exhausted quota as a rate limit', () => {
    expect(kindOf(403, { retryAfterSeconds: 60 })).toBe('rate_limited');
    expect(kindOf(403, { quotaExhausted: true })).toBe('rate_limited');
  });

  it('says who failed, with the upstream message and the retry hint', () => {
    const error = toolErrorFromStatus({ service: 'Acme', status: 429, message: 'slow down', retryAfterSeconds: 7 });
    expect(error.toText()).toBe('rate_limited: Acme rate limit reached (HTTP 429): slow down. Retry after 7s.');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
