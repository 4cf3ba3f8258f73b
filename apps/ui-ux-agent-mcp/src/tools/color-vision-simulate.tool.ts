import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { colorInput, hex, parseColor } from '../color/color-input';
import { CONFUSABLE_DELTA_E, DEFICIENCIES, colorDistance, simulate, type Deficiency } from '../color/vision';

const deficiencyNames = Object.keys(DEFICIENCIES) as [Deficiency, ...Deficiency[]];

export const simulateColorVision = defineUiUxAgentTool({
  name: 'simulate_color_vision',
  toolset: 'color',
  title: 'Simulate colour-vision deficiencies',
  description:
    'How colours look with protanopia, deuteranopia and tritanopia (Machado 2009 model; severity 0–1, default 1 = ' +
    'full dichromacy), and which pairs of the given colours become hard to tell apart (CIEDE2000 < 10 when they ' +
    'were distinct) — e.g. red/green status colours. Offline. Up to 32 colours.',
  input: z.object({
    colors: z.array(colorInput('Colour')).min(1).max(32).describe('Colours to simulate, e.g. a chart palette or status colours.'),
    deficiencies: z.array(z.enum(deficiencyNames)).min(1).optional().describe('Which to simulate (default all three).'),
    severity: z.number().min(0).max(1).default(1).describe('0 = normal vision, 1 = full dichromacy (default).'),
  }),
  output: z.object({
    colors: z.array(z.object({ input: z.string(), hex: z.string(), simulated: z.record(z.string(), z.string()) })),
    confusablePairs: z.array(z.object({ deficiency: z.string(), a: z.string(), b: z.string(), deltaE: z.number() })),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ colors, deficiencies = deficiencyNames, severity }) => {
    const parsed = colors.map((value, index) => ({ input: value, color: parseColor(value, `colors[${index}]`) }));
    const rows = parsed.map(({ input, color }) => ({
      input,
      hex: hex(color),
      simulated: Object.fromEntries(deficiencies.map((name) => [name, simulate(color, name, severity)])),
    }));
    const confusablePairs = deficiencies.flatMap((deficiency) =>
      rows.flatMap((a, i) =>
        rows.slice(i + 1).flatMap((b) => {
          const seen = colorDistance(a.simulated[deficiency] ?? a.hex, b.simulated[deficiency] ?? b.hex);
          const distinct = colorDistance(a.hex, b.hex) >= CONFUSABLE_DELTA_E;
          return distinct && seen < CONFUSABLE_DELTA_E ? [{ deficiency, a: a.hex, b: b.hex, deltaE: Math.round(seen * 10) / 10 }] : [];
        }),
      ),
    );
    return { colors: rows, confusablePairs };
  },
});
