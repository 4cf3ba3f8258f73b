import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { colorInput, flatten, hex, parseColor } from '../color/color-input';
import { contrastRatio, roundRatio, wcagVerdicts } from '../color/wcag';

const verdicts = z.object({
  AA: z.object({ normalText: z.boolean(), largeText: z.boolean(), uiComponents: z.boolean() }),
  AAA: z.object({ normalText: z.boolean(), largeText: z.boolean() }),
});

export const checkContrast = defineUiUxAgentTool({
  name: 'check_contrast',
  toolset: 'color',
  title: 'Check colour contrast (WCAG 2.x)',
  description:
    'WCAG 2.x contrast ratio of a foreground on a background, with pass/fail for AA and AAA: normal text ' +
    '(4.5:1 / 7:1), large text — 24px, or 18.66px bold — (3:1 / 4.5:1) and UI components and graphics (3:1). ' +
    'A translucent foreground is composited over the background first. Offline; no key needed. ' +
    'To get a passing colour, use fix_contrast.',
  input: z.object({
    foreground: colorInput('Text or icon colour'),
    background: colorInput('Background colour (opaque)'),
  }),
  output: z.object({ foreground: z.string(), background: z.string(), ratio: z.number(), verdicts, summary: z.string() }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ foreground, background }) => {
    const back = flatten(parseColor(background, 'background'), { mode: 'rgb', r: 1, g: 1, b: 1 });
    const fore = flatten(parseColor(foreground, 'foreground'), back);
    const ratio = contrastRatio(fore, back);
    const result = wcagVerdicts(ratio);
    return {
      foreground: hex(fore),
      background: hex(back),
      ratio: roundRatio(ratio),
      verdicts: result,
      summary: summarise(roundRatio(ratio), result),
    };
  },
});

function summarise(ratio: number, result: ReturnType<typeof wcagVerdicts>): string {
  if (result.AAA.normalText) return `${ratio}:1 passes AAA for all text sizes.`;
  if (result.AA.normalText) return `${ratio}:1 passes AA for all text; AAA only for large text.`;
  if (result.AA.largeText) return `${ratio}:1 fails AA for normal text (needs 4.5:1); passes AA for large text and UI components.`;
  return `${ratio}:1 fails AA for text and UI components (needs 4.5:1 / 3:1).`;
}
