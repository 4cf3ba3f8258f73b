import type { FigmaNode } from '../../src/design/figma-nodes';
import { simplifyBox, simplifyLayout } from '../../src/design/layout';

const frame = (extra: Partial<FigmaNode>): FigmaNode => ({ id: '1:1', type: 'FRAME', ...extra });

describe('simplifyLayout', () => {
  it('auto-layout becomes flexbox: direction, gap, padding, alignment', () => {
    expect(
      simplifyLayout(
        frame({
          layoutMode: 'HORIZONTAL',
          itemSpacing: 8,
          paddingTop: 8,
          paddingRight: 16,
          paddingBottom: 8,
          paddingLeft: 16,
          primaryAxisAlignItems: 'SPACE_BETWEEN',
          counterAxisAlignItems: 'CENTER',
        }),
      ),
    ).toEqual({ mode: 'row', gap: 8, padding: '8 16 8 16', justifyContent: 'space-between', alignItems: 'center' });
  });

  it('equal padding is one number; start alignment and zero gap are defaults left out; wrap keeps its row gap', () => {
    expect(
      simplifyLayout(
        frame({ layoutMode: 'VERTICAL', layoutWrap: 'WRAP', counterAxisSpacing: 4, itemSpacing: 0, paddingTop: 12, paddingRight: 12, paddingBottom: 12, paddingLeft: 12, primaryAxisAlignItems: 'MIN', counterAxisAlignItems: 'MIN' }),
      ),
    ).toEqual({ mode: 'column', wrap: true, wrapGap: 4, padding: 12 });
  });

  it('no auto-layout → undefined', () => {
    expect(simplifyLayout(frame({ layoutMode: 'NONE' }))).toBeUndefined();
    expect(simplifyLayout(frame({}))).toBeUndefined();
  });
});

describe('simplifyBox', () => {
  const parentFlow = frame({ layoutMode: 'VERTICAL', absoluteBoundingBox: { x: 100, y: 100, width: 400, height: 400 } });
  const parentFree = frame({ absoluteBoundingBox: { x: 100, y: 100, width: 400, height: 400 } });
  const child = frame({ absoluteBoundingBox: { x: 110.004, y: 130, width: 50.5, height: 20 }, layoutSizingHorizontal: 'FILL', layoutSizingVertical: 'HUG' });

  it('in an auto-layout flow: size and sizing modes, no position', () => {
    expect(simplifyBox(child, parentFlow)).toEqual({ width: 50.5, height: 20, sizing: { horizontal: 'fill', vertical: 'hug' } });
  });

  it('outside a flow (free frame, or absolute child): position relative to the parent', () => {
    expect(simplifyBox(child, parentFree)).toMatchObject({ x: 10, y: 30 });
    expect(simplifyBox({ ...child, layoutPositioning: 'ABSOLUTE' }, parentFlow)).toMatchObject({ x: 10, y: 30 });
  });

  it('a root has no position; min/max constraints are kept', () => {
    expect(simplifyBox({ ...child, minWidth: 40, maxWidth: null }, undefined)).toEqual({
      width: 50.5,
      height: 20,
      sizing: { horizontal: 'fill', vertical: 'hug' },
      minWidth: 40,
    });
  });
});
