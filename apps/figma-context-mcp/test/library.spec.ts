import { HttpResponse, resultError, structuredContent, useFakeUpstream } from '@sophia/mcp-testing';
import { listComponentsOutput } from '../src/tools/components-list.tool';
import { listStylesOutput } from '../src/tools/styles-list.tool';
import { getVariablesOutput } from '../src/tools/variables-get.tool';
import { callTool, figmaErrorMessage, figmaMeta, route } from './fake-upstream';
import { FILE_KEY, published } from './fixtures/figma';

describe('list_components', () => {
  const fake = useFakeUpstream();

  it('component sets first, then components with their set; paged across two pages', async () => {
    const sets = route('get', `/files/${FILE_KEY}/component_sets`, () => figmaMeta({ component_sets: [published(0, { name: 'Button' })] }));
    const components = route('get', `/files/${FILE_KEY}/components`, () =>
      figmaMeta({
        components: [
          published(1, { name: 'Variant=Primary', containing_frame: { name: 'Button', nodeId: '10:0', pageName: 'Components', containingComponentSet: { name: 'Button', nodeId: '10:0' } } }),
          published(2, { name: 'Avatar' }),
        ],
      }),
    );
    fake.use(sets.handler, components.handler);

    const first = structuredContent(await callTool('list_components', { file: FILE_KEY, limit: 2 }), listComponentsOutput);
    expect(first.items).toEqual([
      { kind: 'component_set', key: 'key0', nodeId: '10:0', name: 'Button', description: 'Description 0', page: 'Components', frame: 'Buttons', updatedAt: '2026-02-03T04:05:06Z', set: null },
      { kind: 'component', key: 'key1', nodeId: '10:1', name: 'Variant=Primary', description: 'Description 1', page: 'Components', frame: 'Button', updatedAt: '2026-02-03T04:05:06Z', set: 'Button' },
    ]);
    expect(first.total).toBe(3);
    const second = structuredContent(await callTool('list_components', { file: FILE_KEY, limit: 2, cursor: first.nextCursor }), listComponentsOutput);
    expect(second.items.map((item) => item.name)).toEqual(['Avatar']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('kind=component reads only /components', async () => {
    const components = route('get', `/files/${FILE_KEY}/components`, () => figmaMeta({ components: [published(2, { name: 'Avatar' })] }));
    fake.use(components.handler);
    const result = structuredContent(await callTool('list_components', { file: FILE_KEY, kind: 'component' }), listComponentsOutput);
    expect(result.items.map((item) => item.kind)).toEqual(['component']);
  });
});

describe('list_styles', () => {
  const fake = useFakeUpstream();

  it('published styles with their type; type filters', async () => {
    const styles = route('get', `/files/${FILE_KEY}/styles`, () =>
      figmaMeta({ styles: [published(1, { name: 'Brand/Primary', style_type: 'FILL' }), published(2, { name: 'Body/Regular', style_type: 'TEXT' })] }),
    );
    fake.use(styles.handler);
    const result = structuredContent(await callTool('list_styles', { file: FILE_KEY, type: 'TEXT' }), listStylesOutput);
    expect(result).toEqual({
      items: [{ key: 'key2', nodeId: '10:2', name: 'Body/Regular', description: 'Description 2', page: 'Components', frame: 'Buttons', updatedAt: '2026-02-03T04:05:06Z', type: 'TEXT' }],
      total: 1,
    });
  });
});

describe('get_variables', () => {
  const fake = useFakeUpstream();
  const localVariables = () =>
    figmaMeta({
      variableCollections: {
        'VariableCollectionId:1:0': {
          id: 'VariableCollectionId:1:0',
          name: 'Colors',
          key: 'ck',
          modes: [{ modeId: '1:0', name: 'Light' }, { modeId: '1:1', name: 'Dark' }],
          defaultModeId: '1:0',
          remote: false,
          hiddenFromPublishing: false,
          variableIds: ['VariableID:5:1', 'VariableID:5:2'],
        },
      },
      variables: {
        'VariableID:5:1': {
          id: 'VariableID:5:1',
          name: 'brand/primary',
          key: 'k1',
          variableCollectionId: 'VariableCollectionId:1:0',
          resolvedType: 'COLOR',
          valuesByMode: { '1:0': { r: 0.11764705926179886, g: 0.5333333611488342, b: 0.8980392217636108, a: 1 }, '1:1': { r: 1, g: 1, b: 1, a: 0.5 } },
          remote: false,
          description: 'Buttons and links',
          hiddenFromPublishing: false,
          scopes: ['ALL_SCOPES'],
          codeSyntax: {},
        },
        'VariableID:5:2': {
          id: 'VariableID:5:2',
          name: 'button/background',
          key: 'k2',
          variableCollectionId: 'VariableCollectionId:1:0',
          resolvedType: 'COLOR',
          valuesByMode: { '1:0': { type: 'VARIABLE_ALIAS', id: 'VariableID:5:1' }, '1:1': { type: 'VARIABLE_ALIAS', id: 'VariableID:5:1' } },
          remote: false,
          description: '',
          hiddenFromPublishing: false,
          scopes: ['FRAME_FILL'],
          codeSyntax: {},
        },
      },
    });

  it('collections with mode names; values per mode as CSS colours and aliases by name', async () => {
    const variables = route('get', `/files/${FILE_KEY}/variables/local`, localVariables);
    fake.use(variables.handler);
    const result = structuredContent(await callTool('get_variables', { file: FILE_KEY }), getVariablesOutput);
    expect(result).toEqual({
      source: 'variables',
      collections: [{ id: 'VariableCollectionId:1:0', name: 'Colors', modes: ['Light', 'Dark'], defaultMode: 'Light' }],
      variables: [
        { id: 'VariableID:5:1', name: 'brand/primary', collection: 'Colors', type: 'COLOR', description: 'Buttons and links', values: { Light: '#1E88E5', Dark: 'rgba(255, 255, 255, 0.5)' } },
        { id: 'VariableID:5:2', name: 'button/background', collection: 'Colors', type: 'COLOR', values: { Light: { alias: 'brand/primary' }, Dark: { alias: 'brand/primary' } } },
      ],
      styles: [],
      total: 2,
    });
  });

  it('HTTP 403 (not an Enterprise org) → the published styles instead, saying so', async () => {
    const variables = route('get', `/files/${FILE_KEY}/variables/local`, () => figmaErrorMessage(403, 'Limited by Figma plan'));
    const styles = route('get', `/files/${FILE_KEY}/styles`, () => figmaMeta({ styles: [published(1, { name: 'Brand/Primary', style_type: 'FILL' })] }));
    fake.use(variables.handler, styles.handler);
    const result = structuredContent(await callTool('get_variables', { file: FILE_KEY }), getVariablesOutput);
    expect(result).toMatchObject({ source: 'styles', variables: [], collections: [], styles: [{ name: 'Brand/Primary', type: 'FILL' }], total: 1 });
    expect(result.note).toMatch(/Enterprise organizations only.*published styles instead/);
    expect(variables.received).toHaveLength(1);
  });

  it('an invalid token is not a plan limit: unauthorized, no fallback', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/variables/local`, () => figmaErrorMessage(401, 'Invalid token')).handler);
    expect(resultError(await callTool('get_variables', { file: FILE_KEY }))).toMatch(/^unauthorized: Figma rejected the credentials \(HTTP 401\): Invalid token\./);
  });

  it('paged over variables', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/variables/local`, localVariables).handler);
    const first = structuredContent(await callTool('get_variables', { file: FILE_KEY, limit: 1 }), getVariablesOutput);
    const second = structuredContent(await callTool('get_variables', { file: FILE_KEY, limit: 1, cursor: first.nextCursor }), getVariablesOutput);
    expect([...first.variables, ...second.variables].map((variable) => variable.name)).toEqual(['brand/primary', 'button/background']);
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('library endpoints answer like Figma does', () => {
  const fake = useFakeUpstream();
  it('a 404 with the error-boolean body → not_found with advice on the key', async () => {
    fake.use(route('get', `/files/${FILE_KEY}/styles`, () => HttpResponse.json({ error: true, status: 404, message: 'File not found' }, { status: 404 })).handler);
    expect(resultError(await callTool('list_styles', { file: FILE_KEY }))).toBe(
      'not_found: Figma found nothing there (HTTP 404): File not found. Check the file key (the part after /design/ in the URL; a branch has its own key) and that the token\'s user can open the file.',
    );
  });
});
