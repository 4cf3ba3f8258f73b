import { z } from 'zod';
import { defineUiUxAgentTool } from '../context';
import { colorInput, parseColor } from '../color/color-input';
import { buildDesignTokens, contrastChecks } from '../color/design-tokens';
import { formatTokens } from '../color/token-formats';

export const generateDesignTokens = defineUiUxAgentTool({
  name: 'generate_design_tokens',
  toolset: 'color',
  title: 'Generate design tokens',
  description:
    'A small design system from brand colours: colour roles for a light and a dark theme (background, surface, ' +
    'text, text-muted, border, primary/on-primary, secondary, danger, success, warning, focus-ring — every text ' +
    'pair nudged to WCAG AA and listed with its ratio), a modular type scale, spacing and radius. Output as CSS ' +
    'variables, a Tailwind theme (with the CSS variables) or W3C design-tokens JSON (DTCG 2025.10), returned as ' +
    'files to save. Offline. Pass the result to generate_component as tokens.',
  input: z.object({
    primary: colorInput('Primary brand colour'),
    secondary: colorInput('Secondary brand colour (default: derived from the primary)').optional(),
    format: z.enum(['css', 'tailwind', 'w3c']).default('css').describe('css variables, tailwind theme + css, or w3c (DTCG JSON).'),
    baseFontSizePx: z.number().min(10).max(24).default(16).describe('Body text size in px (default 16).'),
    typeScaleRatio: z.number().min(1.05).max(1.7).default(1.25).describe('Ratio between type steps, e.g. 1.2 minor third, 1.25 major third (default).'),
    spacingBasePx: z.number().min(2).max(16).default(4).describe('Spacing unit in px (default 4).'),
    radius: z.enum(['none', 'small', 'medium', 'large']).default('medium').describe('Corner rounding (default medium).'),
  }),
  output: z.object({
    format: z.string(),
    files: z.array(z.object({ name: z.string(), language: z.string(), content: z.string() })),
    colors: z.object({ light: z.record(z.string(), z.string()), dark: z.record(z.string(), z.string()) }),
    contrast: z.array(
      z.object({ theme: z.string(), foreground: z.string(), background: z.string(), ratio: z.number(), required: z.number(), passes: z.boolean() }),
    ),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ primary, secondary, format, ...scale }) => {
    const tokens = buildDesignTokens({
      primary: parseColor(primary, 'primary'),
      secondary: secondary === undefined ? undefined : parseColor(secondary, 'secondary'),
      ...scale,
    });
    return { format, files: formatTokens(tokens, format), colors: tokens.color, contrast: contrastChecks(tokens.color) };
  },
});
