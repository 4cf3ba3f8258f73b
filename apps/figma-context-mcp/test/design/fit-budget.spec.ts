import type { FigmaNode } from '../../src/design/figma-nodes';
import { fitDesign } from '../../src/design/fit-budget';

/** A tree `levels` deep, each node with `fanout` children and a text of `chars` characters. */
function tree(levels: number, fanout: number, chars: number, id = '1:1'): FigmaNode {
  return {
    id,
    name: `Node ${id}`,
    type: 'FRAME',
    characters: 'x'.repeat(chars),
    children: levels === 0 ? [] : Array.from({ length: fanout }, (_, index) => tree(levels - 1, fanout, chars, `${id.split(':')[0]}${index}:1`)),
  };
}

describe('fitDesign', () => {
  it('returns the asked depth when it fits, without a note', () => {
    const design = fitDesign([tree(2, 2, 10)], {}, { maxDepth: 2, maxBytes: 100_000 });
    expect(design.depth).toBe(2);
    expect(design).not.toHaveProperty('truncated');
  });

  it('cuts whole levels until the JSON fits, saying so and pointing at childrenOmitted', () => {
    const design = fitDesign([tree(4, 4, 200)], {}, { maxDepth: 4, maxBytes: 20_000 });
    expect(design.depth).toBeLessThan(4);
    expect(Buffer.byteLength(JSON.stringify({ nodes: design.nodes, styles: design.styles, components: design.components }))).toBeLessThanOrEqual(20_000);
    expect(design.truncated).toMatch(/exceeds 20000 bytes, so it stops at depth \d.*childrenOmitted.*nodeId/);
    expect(JSON.stringify(design.nodes)).toContain('"childrenOmitted":4');
  });

  it('refuses when the roots alone are too big, advising one node id at a time', () => {
    expect(() => fitDesign([tree(0, 0, 5_000)], {}, { maxDepth: 2, maxBytes: 1_000 })).toThrow(/one node id at a time/);
  });
});
