import { ToolError, decodeCursor, encodeCursor, listPageOutput, pageNumberCursor, pageOfList, tokenCursor } from '../src';
import { z } from 'zod';

const expectInvalid = (attempt: () => unknown) => {
  expect(attempt).toThrow(ToolError);
  expect(attempt).toThrow('cursor is not valid: pass the nextCursor from a previous result unchanged');
};

describe('opaque cursors', () => {
  it('round-trip their state and refuse what they did not make', () => {
    expect(decodeCursor(encodeCursor({ page: 3 }))).toEqual({ page: 3 });
    expect(decodeCursor(undefined)).toBeUndefined();
    for (const foreign of ['not-base64!', encodeCursor({}).slice(0, -1) + '[', Buffer.from('[1]').toString('base64url')]) {
      expectInvalid(() => decodeCursor(foreign));
    }
  });

  it('wrap an upstream token and a page number without showing either format', () => {
    expect(tokenCursor.read(tokenCursor.next('abc'))).toBe('abc');
    expect(tokenCursor.next(null)).toBeUndefined();
    expectInvalid(() => tokenCursor.read(encodeCursor({ page: 2 })));
    expect(pageNumberCursor.read(pageNumberCursor.next(1, true))).toBe(2);
    expect(pageNumberCursor.next(4, false)).toBeUndefined();
    expectInvalid(() => pageNumberCursor.read(encodeCursor({ page: 0 })));
  });

  it('page a whole list by offset to its end, every item once', () => {
    const items = Array.from({ length: 7 }, (_, index) => index);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageOfList(items, cursor, 3);
      expect(listPageOutput(z.number()).parse(page)).toEqual(page);
      expect(page.total).toBe(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(items);
    expect(pages).toBe(3);
    expect(Object.keys(pageOfList(items, undefined, 10))).toEqual(['items', 'total']);
    expectInvalid(() => pageOfList(items, encodeCursor({ offset: 8 }), 3));
    expectInvalid(() => pageOfList(items, encodeCursor({ offset: -1 }), 3));
    expectInvalid(() => pageOfList(items, encodeCursor({ offset: '2' }), 3));
  });
});
