import { HttpResponse, resultError, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { DESIGN_MAX_BYTES, designContextOutput } from '../src/tools/design-context-get.tool';
import { callTool, configuredEnv, FIGMA_TOKEN, route } from './fake-upstream';
import { FILE_KEY, cardNode, documentParts, fileResponse, nodesResponse } from './fixtures/figma';

describe('get_design_context', () => {
  const fake = useFakeUpstream();
  const url = `https://www.figma.com/design/${FILE_KEY}/Travel-App?node-id=1-2&t=xyz-1`;

  it('a share URL selects its node: GET /files/:key/nodes one level deeper than returned, with X-Figma-Token', async () => {
    const nodes = route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse()));
    fake.use(nodes.handler);

    const design = structuredContent(await callTool('get_design_context', { file: url, depth: 3 }), designContextOutput);

    expect(nodes.received.map(({ query, headers }) => ({ query, token: headers.get('x-figma-token'), auth: headers.get('authorization') }))).toEqual([
      { query: { ids: '1:2', depth: '4' }, token: FIGMA_TOKEN, auth: null },
    ]);
    expect(design).toMatchObject({
      file: { key: FILE_KEY, name: 'Travel App', version: '2158841162823520384' },
      nodeId: '1:2',
      depth: 3,
      nodes: [{ id: '1:2', name: 'Card', layout: { mode: 'column', gap: 12, padding: 24 } }],
      components: { '10:1': { name: 'Variant=Primary', set: 'Button' } },
    });
    expect(design).not.toHaveProperty('truncated');
    expect(Object.values(design.styles).map((style) => style.name).filter(Boolean).sort()).toEqual([
      'Body/Regular',
      'Brand/Primary',
      'Ink/900',
      'Shadow/Medium',
    ]);
  });

  it('an explicit nodeId wins over the URL', async () => {
    const nodes = route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse({ '1:8': { document: cardNode.children[4], ...documentParts } })));
    fake.use(nodes.handler);
    const design = structuredContent(await callTool('get_design_context', { file: url, nodeId: '1-8' }), designContextOutput);
    expect(nodes.received[0]?.query).toEqual({ ids: '1:8', depth: '7' });
    expect(design.nodes[0]).toMatchObject({ id: '1:8', type: 'INSTANCE', componentId: '10:1' });
  });

  it('without a node: the whole file from its pages down (Figma depth counted from the document)', async () => {
    const file = route('get', `/files/${FILE_KEY}`, () => HttpResponse.json(fileResponse()));
    fake.use(file.handler);
    const design = structuredContent(await callTool('get_design_context', { file: FILE_KEY, depth: 1 }), designContextOutput);
    expect(file.received[0]?.query).toEqual({ depth: '3' });
    expect(design.nodeId).toBeNull();
    expect(design.nodes.map((page) => page.name)).toEqual(['Screens', 'Components']);
    expect(design.nodes[0]?.children?.map((frame) => (frame as { name: string }).name)).toEqual(['Card', 'Checkout']);
    expect(design.nodes[0]?.children?.[0]).toMatchObject({ name: 'Card', childrenOmitted: 5 });
  });

  it('without a depth: 6 levels below a node, 3 below the pages of a whole file', async () => {
    const nodes = route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse()));
    const file = route('get', `/files/${FILE_KEY}`, () => HttpResponse.json(fileResponse()));
    fake.use(nodes.handler, file.handler);
    expect(structuredContent(await callTool('get_design_context', { file: url }), designContextOutput).depth).toBe(6);
    expect(structuredContent(await callTool('get_design_context', { file: FILE_KEY }), designContextOutput).depth).toBe(3);
    expect(nodes.received[0]?.query.depth).toBe('7');
    expect(file.received[0]?.query.depth).toBe('5');
  });

  it('a node id the file does not have (Figma maps it to null) → not_found pointing at get_file_outline', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse({ '9:9': null }))).handler);
    expect(resultError(await callTool('get_design_context', { file: FILE_KEY, nodeId: '9:9' }))).toBe(
      `not_found: Node 9:9 is not in Figma file ${FILE_KEY}: get_file_outline lists its pages and frames with their ids.`,
    );
  });

  it('an oversized tree is cut to fewer levels to fit, with a note saying how to narrow', async () => {
    const wide = {
      ...cardNode,
      children: Array.from({ length: 60 }, (_, row) => ({
        id: `5:${row}`,
        name: `Row ${row}`,
        type: 'FRAME',
        layoutMode: 'HORIZONTAL',
        children: Array.from({ length: 20 }, (_, cell) => ({ id: `6:${row * 100 + cell}`, name: 'Cell', type: 'TEXT', characters: 'lorem ipsum '.repeat(20) })),
      })),
    };
    fake.use(route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse({ '1:2': { document: wide, ...documentParts } }))).handler);

    const result = await callTool('get_design_context', { file: url });
    const design = structuredContent(result, designContextOutput);

    expect(design.depth).toBe(1);
    expect(design.truncated).toBe(
      `The tree at depth 6 exceeds ${DESIGN_MAX_BYTES} bytes, so it stops at depth 1. ` +
        'Nodes with childrenOmitted hide children: call get_design_context again with one of their ids as nodeId.',
    );
    expect(design.nodes[0]?.children?.[0]).toMatchObject({ id: '5:0', childrenOmitted: 20 });
    expect(Buffer.byteLength(JSON.stringify(design))).toBeLessThan(DESIGN_MAX_BYTES + 1_000);
  });

  it('with only FIGMA_OAUTH_TOKEN the token goes as a Bearer, and X-Figma-Token is not sent', async () => {
    const nodes = route('get', `/files/${FILE_KEY}/nodes`, () => HttpResponse.json(nodesResponse()));
    fake.use(nodes.handler);
    const env = { FIGMA_OAUTH_TOKEN: 'figu_oauth0000000000', FIGMA_API_URL: configuredEnv.FIGMA_API_URL };
    structuredContent(await callTool('get_design_context', { file: url, depth: 0 }, env), designContextOutput);
    expect(nodes.received[0]?.headers.get('authorization')).toBe('Bearer figu_oauth0000000000');
    expect(nodes.received[0]?.headers.get('x-figma-token')).toBeNull();
  });

  it.each([
    ['a link to another site', { file: 'https://example.com/design/abc/x' }, 'not a figma.com URL'],
    ['a malformed node id', { file: FILE_KEY, nodeId: '1:2/../../me' }, 'is not a Figma node id'],
    ['a path in place of a key', { file: '../../me' }, 'neither a Figma file key nor a Figma URL'],
  ])('%s → invalid_input without calling Figma', async (_label, args, message) => {
    // No route: a request would be unmatched and fail differently.
    const error = resultError(await callTool('get_design_context', args));
    expect(error).toMatch(/^invalid_input: /);
    expect(error).toContain(message);
  });
});
