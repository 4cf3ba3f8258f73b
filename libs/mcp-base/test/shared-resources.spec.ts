import { SecretScrubber, SharedResources } from '../src';

describe('SharedResources', () => {
  it('opens once per key, closes when the last lease is released, and forgets a failed open', async () => {
    const closed: string[] = [];
    const opened: string[] = [];
    const shared = new SharedResources<string>(async (resource) => void closed.push(resource));
    const open = (name: string) => async () => (opened.push(name), name);
    const first = shared.acquire('a', open('a1'));
    const second = shared.acquire('a', open('a2'));
    expect(await first.value).toBe('a1');
    expect(await second.value).toBe('a1');
    await first.release();
    await first.release(); // twice counts once
    expect(closed).toEqual([]);
    await second.release();
    expect(closed).toEqual(['a1']);

    const failed = shared.acquire('b', () => Promise.reject(new Error('down')));
    await expect(failed.value).rejects.toThrow('down');
    const retried = shared.acquire('b', open('b2'));
    await failed.release(); // a stale lease of the failed open must not close the new one
    expect(await retried.value).toBe('b2');
    expect(closed).toEqual(['a1']);
    await retried.release();
    expect(closed).toEqual(['a1', 'b2']);
    expect(opened).toEqual(['a1', 'b2']);
  });
});

describe('SecretScrubber', () => {
  it('scrubs whole values, JSON-escaped and expanded forms, and the password of a connection string', () => {
    const scrubber = new SecretScrubber(['postgres://u:p%40ss-word@h:5432/d', 'line1\\nline2-secret', 'short', undefined]);
    expect(scrubber.scrub('url postgres://u:p%40ss-word@h:5432/d')).toBe('url [redacted]');
    expect(scrubber.scrub('pw p@ss-word and p%40ss-word')).toBe('pw [redacted] and [redacted]');
    expect(scrubber.scrub(JSON.stringify({ key: 'line1\nline2-secret' }))).toBe('{"key":"[redacted]"}');
    expect(scrubber.scrub('short stays')).toBe('short stays');
    const date = new Date(0);
    expect(scrubber.scrubDeep({ a: ['x p@ss-word'], when: date })).toEqual({ a: ['x [redacted]'], when: date });
  });

  it('returns the very same result when nothing in it is secret, and copies only the branches that changed', () => {
    const scrubber = new SecretScrubber(['p@ss-word']);
    const clean = { content: [{ type: 'text', text: 'nothing here' }], structuredContent: { n: 1, list: ['a'] } };
    expect(scrubber.scrubDeep(clean)).toBe(clean);
    const mixed = { keep: { n: 1 }, leak: ['x p@ss-word'] };
    const scrubbed = scrubber.scrubDeep(mixed);
    expect(scrubbed).toEqual({ keep: { n: 1 }, leak: ['x [redacted]'] });
    expect(scrubbed.keep).toBe(mixed.keep);
    expect(mixed.leak).toEqual(['x p@ss-word']);
  });
});
