import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { colorInput, hex, parseColor } from '../color/color-input';
import { harmonies, nearestStep, tonalScale } from '../color/palette';

const hexList = z.array(z.string());

export const generatePalette = defineUiUxAgentTool({
  name: 'generate_palette',
  toolset: 'color',
  title: 'Generate a palette from a brand colour',
  description:
    'From one brand colour: a tints-and-shades scale 50–950 (Tailwind steps, even OKLCH lightness, same hue) with ' +
    'each step’s contrast on white and on black, plus complementary, analogous, triadic and split-complementary ' +
    'colours (hue turned on the OKLCH circle). Offline. Feed the scale to generate_design_tokens or check pairs with check_contrast.',
  input: z.object({ color: colorInput('Brand colour') }),
  output: z.object({
    brand: z.string(),
    brandNearestStep: z.number(),
    scale: z.array(z.object({ step: z.number(), hex: z.string(), contrastOnWhite: z.number(), contrastOnBlack: z.number() })),
    harmonies: z.object({ complementary: hexList, analogous: hexList, triadic: hexList, splitComplementary: hexList }),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ color }) => {
    const brand = parseColor(color, 'color');
    return { brand: hex(brand), brandNearestStep: nearestStep(brand), scale: tonalScale(brand), harmonies: harmonies(brand) };
  },
});
