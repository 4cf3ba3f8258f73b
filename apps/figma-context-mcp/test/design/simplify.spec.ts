import type { FigmaNode } from '../../src/design/figma-nodes';
import { simplifyDesign } from '../../src/design/simplify';
import { StyleTable } from '../../src/design/style-table';
import { cardNode, documentParts } from '../fixtures/figma';

const card = cardNode as unknown as FigmaNode;

describe('simplifyDesign on a documented node tree', () => {
  const design = simplifyDesign([card], documentParts, { maxDepth: 5 });
  const [root] = design.nodes;
  const child = (name: string) => root?.children?.find((node) => node.name === name);

  it('the frame: auto-layout, box, radius, named effect style; the invisible fill is dropped', () => {
    expect(root).toMatchObject({
      id: '1:2',
      name: 'Card',
      type: 'FRAME',
      box: { width: 320, height: 400, sizing: { horizontal: 'fixed', vertical: 'hug' } },
      layout: { mode: 'column', gap: 12, padding: 24, alignItems: 'center' },
      radius: 16,
      fills: 'fill_1',
      effects: 'effect_1',
    });
    expect(design.styles['fill_1']).toEqual({ kind: 'fill', value: ['#FFFFFF'] });
    expect(design.styles['effect_1']).toEqual({ kind: 'effect', name: 'Shadow/Medium', value: { boxShadow: '0px 4px 8px 0px rgba(0, 0, 0, 0.25)' } });
  });

  it('invisible nodes are left out entirely', () => {
    expect(root?.children?.map((node) => node.name)).toEqual(['Photo', 'Title', 'Body', 'Button', 'Sticker']);
    expect(JSON.stringify(design)).not.toContain('NEW');
  });

  it('texts sharing a style point at one table entry, named after the Figma style', () => {
    expect(child('Title')).toMatchObject({ text: 'Weekend in Lisbon', textStyle: 'text_1' });
    expect(child('Body')).toMatchObject({ textStyle: 'text_1', fills: child('Title')?.fills });
    expect(design.styles['text_1']).toEqual({
      kind: 'text',
      name: 'Body/Regular',
      value: { fontFamily: 'Inter', fontWeight: 400, fontSize: 16, lineHeight: '24px' },
    });
    expect(design.styles[child('Title')?.fills ?? '']).toEqual({ kind: 'fill', name: 'Ink/900', value: ['#141414'] });
  });

  it('image fills by reference; per-corner radii; absolute children placed relative to the parent', () => {
    expect(child('Photo')).toMatchObject({ radius: [8, 8, 0, 0], box: { sizing: { horizontal: 'fill', vertical: 'fixed' } } });
    expect(design.styles[child('Photo')?.fills ?? '']).toEqual({ kind: 'fill', value: [{ image: 'a1b2c3d4e5f6', scaleMode: 'fill' }] });
    expect(child('Sticker')?.box).toMatchObject({ x: 290, y: -10 });
    expect(child('Title')?.box).not.toHaveProperty('x');
  });

  it('instances point at their component (with its set) and carry their property values', () => {
    expect(child('Button')).toMatchObject({
      type: 'INSTANCE',
      componentId: '10:1',
      props: { Label: 'Book now', Variant: 'Primary' },
      layout: { mode: 'row', gap: 8, padding: '8 16 8 16', justifyContent: 'center', alignItems: 'center' },
    });
    expect(design.components).toEqual({
      '10:1': { name: 'Variant=Primary', key: 'c0mp0nentkey1', description: 'Primary call to action', set: 'Button' },
    });
    expect(design.styles[child('Button')?.fills ?? '']).toEqual({
      kind: 'fill',
      name: 'Brand/Primary',
      value: [{ color: '#1E88E5', variableId: 'VariableID:5:1' }],
    });
  });

  it('an instance of a component the file does not describe falls back to the instance name', () => {
    const orphan: FigmaNode = { id: '3:1', name: 'Icon/Star', type: 'INSTANCE', componentId: '99:9' };
    expect(simplifyDesign([orphan], {}, { maxDepth: 1 }).components).toEqual({ '99:9': { name: 'Icon/Star' } });
  });

  it('the depth limit stops the tree and says how many visible children each edge node hides', () => {
    const shallow = simplifyDesign([card], documentParts, { maxDepth: 0 });
    expect(shallow.nodes[0]).not.toHaveProperty('children');
    expect(shallow.nodes[0]?.childrenOmitted).toBe(5);
    const one = simplifyDesign([card], documentParts, { maxDepth: 1 });
    expect(one.nodes[0]?.children?.find((node) => node.name === 'Button')?.childrenOmitted).toBe(1);
  });

  it('long text is capped with a marker', () => {
    const long: FigmaNode = { id: '4:1', type: 'TEXT', name: 'Essay', characters: 'x'.repeat(50) };
    expect(simplifyDesign([long], {}, { maxDepth: 0, maxTextChars: 10 }).nodes[0]?.text).toBe(
      `${'x'.repeat(10)}\n… [truncated: 40 more characters not shown]`,
    );
  });

  it('a group of vector shapes only (an icon) is marked vector, without its paths; one with text is not', () => {
    const icon: FigmaNode = {
      id: '7:1',
      name: 'Icon/Search',
      type: 'INSTANCE',
      children: [
        { id: '7:2', type: 'VECTOR', name: 'Circle' },
        { id: '7:3', type: 'GROUP', name: 'Handle', children: [{ id: '7:4', type: 'BOOLEAN_OPERATION', name: 'Union' }] },
        { id: '7:5', type: 'TEXT', name: 'Hidden', visible: false },
      ],
    };
    expect(simplifyDesign([icon], {}, { maxDepth: 5 }).nodes[0]).toEqual({ id: '7:1', name: 'Icon/Search', type: 'INSTANCE', vector: true });
    const labelled: FigmaNode = { ...icon, children: [...(icon.children ?? []), { id: '7:6', type: 'TEXT', name: 'Label', characters: 'Go' }] };
    const node = simplifyDesign([labelled], {}, { maxDepth: 5 }).nodes[0];
    expect(node).not.toHaveProperty('vector');
    expect(node?.children?.map((child) => child.type)).toEqual(['VECTOR', 'GROUP', 'TEXT']);
  });

  it('an invisible root yields nothing', () => {
    expect(simplifyDesign([{ ...card, visible: false }], documentParts, { maxDepth: 3 }).nodes).toEqual([]);
  });
});

describe('StyleTable', () => {
  it('one id per distinct value and name, numbered per kind', () => {
    const table = new StyleTable();
    expect(table.ref('fill', ['#FFFFFF'])).toBe('fill_1');
    expect(table.ref('fill', ['#FFFFFF'])).toBe('fill_1');
    expect(table.ref('fill', ['#FFFFFF'], 'Surface')).toBe('fill_2');
    expect(table.ref('stroke', ['#FFFFFF'])).toBe('stroke_1');
    expect(Object.keys(table.entries)).toEqual(['fill_1', 'fill_2', 'stroke_1']);
  });
});
