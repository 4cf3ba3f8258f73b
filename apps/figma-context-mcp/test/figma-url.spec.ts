import { normalizeNodeId, resolveTarget } from '../src/figma-url';

const KEY = 'FiLeKey1234567890abcdEF';

describe('resolveTarget', () => {
  it.each([
    [`https://www.figma.com/design/${KEY}/Travel-App?node-id=1-2&t=abc-0`, { fileKey: KEY, nodeId: '1:2' }],
    [`https://www.figma.com/file/${KEY}/Travel-App?node-id=12%3A34`, { fileKey: KEY, nodeId: '12:34' }],
    [`https://www.figma.com/proto/${KEY}/Travel-App?node-id=3-4&scaling=min-zoom`, { fileKey: KEY, nodeId: '3:4' }],
    [`https://figma.com/board/${KEY}/Workshop`, { fileKey: KEY }],
    [`https://www.figma.com/design/${KEY}/branch/BrAnChKey0987654321/Travel-App?node-id=5-6`, { fileKey: 'BrAnChKey0987654321', nodeId: '5:6' }],
    [`https://www.figma.com/design/${KEY}/Travel-App?node-id=I5-6;7-8`, { fileKey: KEY, nodeId: 'I5:6;7:8' }],
    [`  ${KEY}  `, { fileKey: KEY }],
  ])('%s', (file, expected) => {
    expect(resolveTarget(file)).toEqual(expected);
  });

  it('an explicit nodeId wins over the URL, in either form', () => {
    expect(resolveTarget(`https://www.figma.com/design/${KEY}/x?node-id=1-2`, '7-8')).toEqual({ fileKey: KEY, nodeId: '7:8' });
    expect(resolveTarget(KEY, '7:8')).toEqual({ fileKey: KEY, nodeId: '7:8' });
  });

  it.each([
    ['https://example.com/design/abc/x', /not a figma\.com URL/],
    ['https://www.figma.com/community/file/123', /not a link to a Figma file/],
    ['https://www.figma.com/design/', /not a link to a Figma file/],
    ['../me', /neither a Figma file key nor a Figma URL/],
    ['short', /neither a Figma file key nor a Figma URL/],
    [`https://www.figma.com/design/${KEY}/x?node-id=abc`, /"abc" is not a Figma node id/],
  ])('refuses %s', (file, message) => {
    expect(() => resolveTarget(file)).toThrow(message);
  });
});

describe('normalizeNodeId', () => {
  it('accepts 1:2 and 1-2, refuses anything else', () => {
    expect(normalizeNodeId('1-2')).toBe('1:2');
    expect(normalizeNodeId('1:2')).toBe('1:2');
    expect(() => normalizeNodeId('1:2/../x')).toThrow(/expected the form 1:2/);
    expect(() => normalizeNodeId('1%E0%A4%A')).toThrow(/expected the form 1:2/);
  });
});
