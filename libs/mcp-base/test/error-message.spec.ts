import { upstreamErrorMessage } from '../src/upstream/error-message';

describe("the vendor's error message in an error body", () => {
  it.each([
    ['a top-level message (GitHub, HubSpot)', { message: 'Bad credentials' }, 'Bad credentials'],
    ['an error string (Slack)', { ok: false, error: 'channel_not_found' }, 'channel_not_found'],
    ['an error object (OpenRouter)', { error: { code: 402, message: 'Insufficient credits' } }, 'Insufficient credits'],
    ['errors of objects (Asana)', { errors: [{ message: 'project: Not a valid id' }] }, 'project: Not a valid id'],
    ['errors of strings (Gong)', { requestId: 'r1', errors: ['Rate limit exceeded'] }, 'Rate limit exceeded'],
    ['a data envelope (Portkey)', { success: false, data: { message: 'Missing scope', errorCode: 'AB03' } }, 'Missing scope'],
    ['err (Figma)', { status: 403, err: 'Invalid token' }, 'Invalid token'],
    ['an OAuth error', { error: 'invalid_grant', error_description: 'expired' }, 'invalid_grant'],
    ['problem+json', { title: 'Not Found', detail: 'No such repository' }, 'No such repository'],
  ])('reads %s', (_vendor, body, expected) => {
    expect(upstreamErrorMessage(JSON.stringify(body))).toBe(expected);
  });

  it('skips empty candidates and falls back to the start of a body it cannot read', () => {
    expect(upstreamErrorMessage(JSON.stringify({ message: '', err: 'Real reason' }))).toBe('Real reason');
    expect(upstreamErrorMessage('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
    expect(upstreamErrorMessage(JSON.stringify({ unrelated: true }))).toBe('{"unrelated":true}');
    expect(upstreamErrorMessage('')).toBeUndefined();
    expect(upstreamErrorMessage('x'.repeat(1000))).toHaveLength(200);
  });
});
