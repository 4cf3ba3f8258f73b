import { ToolError } from '@sophia/mcp-base';
import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { colorInput, flatten, hex, parseColor } from '../color/color-input';
import { nearestPassingColor } from '../color/fix-contrast';
import { WCAG_THRESHOLDS, contrastRatio, roundRatio } from '../color/wcag';

export const fixContrast = defineUiUxAgentTool({
  name: 'fix_contrast',
  toolset: 'color',
  title: 'Fix colour contrast',
  description:
    'The nearest colour of the same hue (OKLCH lightness changed, chroma kept where sRGB allows) that meets a ' +
    'WCAG target against the other colour. Adjusts the foreground by default, or the background. Target: a level ' +
    'and size (AA normal text = 4.5:1, AA large text or UI = 3:1, AAA normal = 7:1, AAA large = 4.5:1) or an ' +
    'explicit ratio. Returns the new colour, its ratio and how far it moved (CIEDE2000). Offline.',
  input: z.object({
    foreground: colorInput('Text or icon colour'),
    background: colorInput('Background colour'),
    level: z.enum(['AA', 'AAA']).default('AA').describe('WCAG level (default AA).'),
    size: z.enum(['normal', 'large', 'ui']).default('normal').describe('normal text, large text, or UI components/graphics.'),
    ratio: z.number().min(1).max(21).optional().describe('Explicit target ratio; overrides level and size.'),
    adjust: z.enum(['foreground', 'background']).default('foreground').describe('Which colour to change (default foreground).'),
  }),
  output: z.object({
    adjusted: z.enum(['foreground', 'background']),
    original: z.string(),
    fixed: z.string(),
    other: z.string(),
    target: z.number(),
    ratioBefore: z.number(),
    ratioAfter: z.number(),
    direction: z.enum(['darker', 'lighter', 'unchanged']),
    deltaE: z.number(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ foreground, background, level, size, ratio, adjust }) => {
    const back = flatten(parseColor(background, 'background'), { mode: 'rgb', r: 1, g: 1, b: 1 });
    const fore = flatten(parseColor(foreground, 'foreground'), back);
    const target = ratio ?? WCAG_THRESHOLDS[level][size];
    const [changing, other] = adjust === 'foreground' ? [fore, back] : [back, fore];
    const fix = nearestPassingColor(changing, other, target);
    if (!fix) {
      throw ToolError.invalidInput(
        `no colour of this hue reaches ${target}:1 against ${hex(other)} (black reaches ${roundRatio(contrastRatio('#000000', other))}:1, ` +
          `white ${roundRatio(contrastRatio('#ffffff', other))}:1): lower the target or adjust the ${adjust === 'foreground' ? 'background' : 'foreground'}.`,
      );
    }
    return {
      adjusted: adjust,
      original: hex(changing),
      fixed: fix.color,
      other: hex(other),
      target,
      ratioBefore: roundRatio(contrastRatio(changing, other)),
      ratioAfter: roundRatio(fix.ratio),
      direction: fix.direction,
      deltaE: fix.deltaE,
    };
  },
});
