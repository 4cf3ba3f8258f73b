import { cssColor, simplifyEffects, simplifyPaint, simplifyPaints } from '../../src/design/paints';

describe('paints', () => {
  it.each([
    [{ r: 1, g: 1, b: 1, a: 1 }, 1, '#FFFFFF'],
    [{ r: 0.11764705926179886, g: 0.5333333611488342, b: 0.8980392217636108, a: 1 }, 1, '#1E88E5'],
    [{ r: 0, g: 0, b: 0, a: 0.25 }, 1, 'rgba(0, 0, 0, 0.25)'],
    [{ r: 1, g: 0, b: 0, a: 1 }, 0.5, 'rgba(255, 0, 0, 0.5)'],
    [{ r: 1.2, g: -0.1, b: 0, a: 1 }, 1, '#FF0000'],
  ])('cssColor(%j, %d) → %s', (color, opacity, expected) => {
    expect(cssColor(color, opacity)).toBe(expected);
  });

  it('a solid bound to a variable keeps the variable id', () => {
    expect(
      simplifyPaint({ type: 'SOLID', color: { r: 0, g: 0, b: 0, a: 1 }, boundVariables: { color: { type: 'VARIABLE_ALIAS', id: 'VariableID:5:1' } } }),
    ).toEqual({ color: '#000000', variableId: 'VariableID:5:1' });
  });

  it('gradients keep their stops, images their reference, unknown kinds their type', () => {
    expect(
      simplifyPaint({ type: 'GRADIENT_RADIAL', opacity: 0.5, gradientStops: [{ position: 0.333333, color: { r: 0, g: 0, b: 0, a: 1 } }] }),
    ).toEqual({ gradient: 'radial', stops: [{ color: 'rgba(0, 0, 0, 0.5)', position: 0.33 }] });
    expect(simplifyPaint({ type: 'IMAGE', imageRef: 'abc', scaleMode: 'FIT' })).toEqual({ image: 'abc', scaleMode: 'fit' });
    expect(simplifyPaint({ type: 'PATTERN' })).toEqual({ type: 'pattern' });
  });

  it('invisible paints are dropped; none visible → undefined', () => {
    const red = { type: 'SOLID', color: { r: 1, g: 0, b: 0, a: 1 } };
    expect(simplifyPaints([red, { ...red, visible: false }])).toEqual(['#FF0000']);
    expect(simplifyPaints([{ ...red, visible: false }])).toBeUndefined();
    expect(simplifyPaints(undefined)).toBeUndefined();
  });

  it('shadows become one CSS box-shadow; blurs their radius; invisible effects are dropped', () => {
    expect(
      simplifyEffects([
        { type: 'DROP_SHADOW', visible: true, color: { r: 0, g: 0, b: 0, a: 0.25 }, offset: { x: 0, y: 4 }, radius: 8, spread: 2 },
        { type: 'INNER_SHADOW', visible: true, color: { r: 1, g: 1, b: 1, a: 1 }, offset: { x: 1, y: 1 }, radius: 0 },
        { type: 'LAYER_BLUR', visible: true, radius: 4 },
        { type: 'BACKGROUND_BLUR', visible: true, radius: 12 },
        { type: 'DROP_SHADOW', visible: false, radius: 99 },
      ]),
    ).toEqual({ boxShadow: '0px 4px 8px 2px rgba(0, 0, 0, 0.25), inset 1px 1px 0px 0px #FFFFFF', blur: 4, backdropBlur: 12 });
    expect(simplifyEffects([{ type: 'LAYER_BLUR', visible: false, radius: 4 }])).toBeUndefined();
  });
});
