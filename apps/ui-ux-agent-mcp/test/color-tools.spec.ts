import { resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { wcagContrast } from 'culori';
import { callOfflineTool } from './fake-upstream';

// No handlers: any network request from these tools fails the test (useFakeUpstream collects unmatched ones).
describe('colour tools, offline on a server without any key', () => {
  useFakeUpstream();

  describe('check_contrast', () => {
    it.each([
      // [foreground, background, ratio, AA normal, AA large, AAA normal]
      ['#777777', '#ffffff', 4.48, false, true, false],
      ['#767676', '#ffffff', 4.54, true, true, false],
      ['#000000', '#ffffff', 21, true, true, true],
      ['#ffffff', '#ffffff', 1, false, false, false],
      ['#595959', '#ffffff', 7, true, true, true],
      ['rgb(0 0 255)', 'white', 8.59, true, true, true],
    ])('%s on %s is %s:1', async (foreground, background, ratio, aaNormal, aaLarge, aaaNormal) => {
      const result = resultJson<{ ratio: number; verdicts: { AA: Record<string, boolean>; AAA: Record<string, boolean> } }>(
        await callOfflineTool('check_contrast', { foreground, background }),
      );
      expect(result.ratio).toBe(ratio);
      expect(result.verdicts.AA['normalText']).toBe(aaNormal);
      expect(result.verdicts.AA['largeText']).toBe(aaLarge);
      expect(result.verdicts.AA['uiComponents']).toBe(aaLarge);
      expect(result.verdicts.AAA['normalText']).toBe(aaaNormal);
    });

    it('says in one line that #777777 on white fails AA for normal text', async () => {
      const result = resultJson<{ summary: string; foreground: string }>(
        await callOfflineTool('check_contrast', { foreground: '#777', background: '#fff' }),
      );
      expect(result.foreground).toBe('#777777');
      expect(result.summary).toBe('4.48:1 fails AA for normal text (needs 4.5:1); passes AA for large text and UI components.');
    });

    it('composites a translucent foreground over the background first', async () => {
      const result = resultJson<{ foreground: string; ratio: number }>(
        await callOfflineTool('check_contrast', { foreground: 'rgb(0 0 0 / 50%)', background: '#ffffff' }),
      );
      expect(result.foreground).toBe('#808080');
      // Ratio of the exact 50% grey (0.5, reported as #808080 = 128/255 would give 3.95).
      expect(result.ratio).toBe(3.98);
    });

    it('names the field of a colour it cannot parse', async () => {
      const error = resultError(await callOfflineTool('check_contrast', { foreground: 'not-a-colour', background: '#fff' }));
      expect(error).toMatch(/^invalid_input: foreground "not-a-colour" is not a CSS colour/);
    });
  });

  describe('fix_contrast', () => {
    interface Fix { fixed: string; ratioBefore: number; ratioAfter: number; target: number; direction: string; deltaE: number }

    it('darkens #777777 just enough for AA normal text on white', async () => {
      const fix = resultJson<Fix>(await callOfflineTool('fix_contrast', { foreground: '#777777', background: '#ffffff' }));
      expect(fix).toMatchObject({ ratioBefore: 4.48, target: 4.5, direction: 'darker' });
      expect(wcagContrast(fix.fixed, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      // The nearest passing grey, not black: one step darker in 8-bit sRGB.
      expect(fix.fixed).toBe('#767676');
    });

    it('keeps the hue of a brand colour while reaching AAA', async () => {
      const fix = resultJson<Fix>(await callOfflineTool('fix_contrast', { foreground: '#3b82f6', background: '#ffffff', level: 'AAA' }));
      expect(fix.target).toBe(7);
      expect(wcagContrast(fix.fixed, '#ffffff')).toBeGreaterThanOrEqual(7);
      expect(fix.fixed).toMatch(/^#[0-9a-f]{6}$/);
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(fix.fixed.slice(i, i + 2), 16)) as [number, number, number];
      expect(b).toBeGreaterThan(r);
      expect(b).toBeGreaterThan(g);
    });

    it('lightens text on a dark background, and can adjust the background instead', async () => {
      const lighter = resultJson<Fix>(await callOfflineTool('fix_contrast', { foreground: '#555555', background: '#222222' }));
      expect(lighter.direction).toBe('lighter');
      expect(wcagContrast(lighter.fixed, '#222222')).toBeGreaterThanOrEqual(4.5);

      const background = resultJson<Fix & { adjusted: string }>(
        await callOfflineTool('fix_contrast', { foreground: '#ffffff', background: '#60a5fa', adjust: 'background', size: 'ui' }),
      );
      expect(background.adjusted).toBe('background');
      expect(wcagContrast('#ffffff', background.fixed)).toBeGreaterThanOrEqual(3);
    });

    it('returns a colour that already passes unchanged', async () => {
      const fix = resultJson<Fix>(await callOfflineTool('fix_contrast', { foreground: '#000000', background: '#ffffff' }));
      expect(fix).toMatchObject({ fixed: '#000000', direction: 'unchanged', deltaE: 0 });
    });

    it('says what black and white reach when no colour of the hue can meet the target', async () => {
      const error = resultError(await callOfflineTool('fix_contrast', { foreground: '#ff0000', background: '#777777', ratio: 7 }));
      expect(error).toMatch(/^invalid_input: no colour of this hue reaches 7:1 against #777777 \(black reaches 4\.69:1, white 4\.48:1\)/);
    });
  });

  describe('generate_palette', () => {
    it('builds an 11-step scale of the same hue, light to dark, with harmonies', async () => {
      const palette = resultJson<{
        brand: string;
        brandNearestStep: number;
        scale: Array<{ step: number; hex: string; contrastOnWhite: number; contrastOnBlack: number }>;
        harmonies: Record<string, string[]>;
      }>(await callOfflineTool('generate_palette', { color: '#2563eb' }));
      expect(palette.brand).toBe('#2563eb');
      expect(palette.scale.map((s) => s.step)).toEqual([50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]);
      const onWhite = palette.scale.map((s) => s.contrastOnWhite);
      expect([...onWhite].sort((a, b) => a - b)).toEqual(onWhite);
      for (const s of palette.scale) expect(s.contrastOnWhite).toBeCloseTo(wcagContrast(s.hex, '#ffffff'), 2);
      expect(palette.brandNearestStep).toBe(600);
      expect(palette.harmonies['complementary']).toHaveLength(1);
      expect(palette.harmonies['analogous']).toHaveLength(2);
      expect(palette.harmonies['triadic']).toHaveLength(2);
    });
  });

  describe('simulate_color_vision', () => {
    it('flags red and green status colours as confusable for protanopia and deuteranopia, not tritanopia', async () => {
      const result = resultJson<{
        colors: Array<{ hex: string; simulated: Record<string, string> }>;
        confusablePairs: Array<{ deficiency: string; a: string; b: string }>;
      }>(await callOfflineTool('simulate_color_vision', { colors: ['#d32f2f', '#388e3c', '#1976d2'] }));
      expect(Object.keys(result.colors[0]?.simulated ?? {})).toEqual(['protanopia', 'deuteranopia', 'tritanopia']);
      const redGreen = result.confusablePairs.filter((pair) => pair.a === '#d32f2f' && pair.b === '#388e3c').map((p) => p.deficiency);
      expect(redGreen).toContain('deuteranopia');
      expect(redGreen).not.toContain('tritanopia');
    });

    it('changes nothing at severity 0', async () => {
      const result = resultJson<{ colors: Array<{ hex: string; simulated: Record<string, string> }>; confusablePairs: unknown[] }>(
        await callOfflineTool('simulate_color_vision', { colors: ['#d32f2f'], deficiencies: ['protanopia'], severity: 0 }),
      );
      expect(result.colors[0]?.simulated).toEqual({ protanopia: '#d32f2f' });
      expect(result.confusablePairs).toEqual([]);
    });
  });
});
