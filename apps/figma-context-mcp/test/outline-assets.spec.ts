import { HttpResponse, resultError, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { fileOutlineOutput } from '../src/tools/file-outline-get.tool';
import { imageFillsOutput } from '../src/tools/image-fills-get.tool';
import { renderNodesOutput } from '../src/tools/nodes-render.tool';
import { callTool, figmaMeta, route } from './fake-upstream';
import { FILE_KEY, fileResponse } from './fixtures/figma';

describe('get_file_outline', () => {
  const fake = useFakeUpstream();

  it('pages with their visible top-level frames, ids and sizes, from two levels of the file', async () => {
    const file = route('get', `/files/${FILE_KEY}`, () => HttpResponse.json(fileResponse()));
    fake.use(file.handler);

    const outline = structuredContent(await callTool('get_file_outline', { file: `https://www.figma.com/file/${FILE_KEY}/Travel` }), fileOutlineOutput);

    expect(file.received[0]?.query).toEqual({ depth: '2' });
    expect(outline).toEqual({
      file: { key: FILE_KEY, name: 'Travel App', lastModified: '2026-11-20T10:15:00Z', version: '2158841162823520384', editorType: 'figma' },
      pages: [
        {
          id: '0:1',
          name: 'Screens',
          frames: [
            { id: '1:2', name: 'Card', type: 'FRAME', width: 320, height: 400 },
            { id: '2:1', name: 'Checkout', type: 'FRAME', width: 390, height: 844 },
          ],
        },
        { id: '0:2', name: 'Components', frames: [{ id: '10:0', name: 'Button', type: 'COMPONENT_SET', width: 300, height: 120 }] },
      ],
    });
  });
});

describe('render_nodes', () => {
  const fake = useFakeUpstream();
  const images = (map: Record<string, string | null>) => HttpResponse.json({ err: null, images: map });

  it('PNG at a scale: ids from nodeIds (either form, de-duplicated); a null url kept for a node Figma could not render', async () => {
    const render = route('get', `/images/${FILE_KEY}`, () =>
      images({ '1:2': 'https://figma-alpha-api.s3.us-west-2.amazonaws.com/images/card.png', '9:9': null }),
    );
    fake.use(render.handler);

    const result = structuredContent(await callTool('render_nodes', { file: FILE_KEY, nodeIds: ['1-2', '1:2', '9:9'], scale: 3 }), renderNodesOutput);

    expect(render.received[0]?.query).toEqual({ ids: '1:2,9:9', format: 'png', scale: '3' });
    expect(result).toMatchObject({
      format: 'png',
      scale: 3,
      images: [
        { nodeId: '1:2', url: 'https://figma-alpha-api.s3.us-west-2.amazonaws.com/images/card.png' },
        { nodeId: '9:9', url: null },
      ],
    });
  });

  it('SVG of the node in the URL, without a scale', async () => {
    const render = route('get', `/images/${FILE_KEY}`, () => images({ '3:4': 'https://figma-alpha-api.s3.us-west-2.amazonaws.com/images/icon.svg' }));
    fake.use(render.handler);
    const result = structuredContent(
      await callTool('render_nodes', { file: `https://www.figma.com/design/${FILE_KEY}/x?node-id=3-4`, format: 'svg' }),
      renderNodesOutput,
    );
    expect(render.received[0]?.query).toEqual({ ids: '3:4', format: 'svg' });
    expect(result.scale).toBeNull();
  });

  it('no node anywhere → invalid_input naming where ids come from', async () => {
    expect(resultError(await callTool('render_nodes', { file: FILE_KEY }))).toBe(
      'invalid_input: render_nodes needs nodeIds, or a URL with a node-id: get_file_outline lists the ids.',
    );
  });
});

describe('get_image_fills', () => {
  const fake = useFakeUpstream();

  it('image refs and URLs, paged across two pages with one cursor', async () => {
    const fills = route('get', `/files/${FILE_KEY}/images`, () =>
      figmaMeta({ images: { ref1: 'https://s3-alpha.figma.com/img/1', ref2: 'https://s3-alpha.figma.com/img/2', ref3: 'https://s3-alpha.figma.com/img/3' } }),
    );
    fake.use(fills.handler);

    const first = structuredContent(await callTool('get_image_fills', { file: FILE_KEY, limit: 2 }), imageFillsOutput);
    expect(first.items).toEqual([
      { imageRef: 'ref1', url: 'https://s3-alpha.figma.com/img/1' },
      { imageRef: 'ref2', url: 'https://s3-alpha.figma.com/img/2' },
    ]);
    expect(first.total).toBe(3);
    const second = structuredContent(await callTool('get_image_fills', { file: FILE_KEY, limit: 2, cursor: first.nextCursor }), imageFillsOutput);
    expect(second).toEqual({ items: [{ imageRef: 'ref3', url: 'https://s3-alpha.figma.com/img/3' }], total: 3 });
    expect(fills.received).toHaveLength(2);
  });

  it('a cursor we did not make → invalid_input', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/images`, () => figmaMeta({ images: {} })).handler);
    expect(resultError(await callTool('get_image_fills', { file: FILE_KEY, cursor: 'bm90LWEtY3Vyc29y' }))).toBe(
      'invalid_input: cursor is not valid: pass the nextCursor from a previous result unchanged',
    );
  });
});
