import { resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { wcagContrast } from 'culori';
import { callOfflineTool } from './fake-upstream';

interface Tokens {
  format: string;
  files: Array<{ name: string; language: string; content: string }>;
  colors: { light: Record<string, string>; dark: Record<string, string> };
  contrast: Array<{ theme: string; foreground: string; background: string; ratio: number; required: number; passes: boolean }>;
}

describe('generate_design_tokens, offline on a server without any key', () => {
  useFakeUpstream();

  it('gives light and dark roles whose text pairs all meet WCAG AA, even for a pale brand colour', async () => {
    const tokens = resultJson<Tokens>(await callOfflineTool('generate_design_tokens', { primary: '#fde047' }));
    expect(Object.keys(tokens.colors.light)).toEqual(expect.arrayContaining(['background', 'surface', 'text', 'primary', 'on-primary', 'danger']));
    expect(tokens.contrast).toHaveLength(16);
    for (const check of tokens.contrast) {
      const theme = tokens.colors[check.theme as 'light' | 'dark'];
      const ratio = wcagContrast(theme[check.foreground] as string, theme[check.background] as string);
      expect({ ...check, actual: ratio >= check.required }).toMatchObject({ passes: true, actual: true });
    }
    expect(tokens.colors.light['background']).toBe('#ffffff');
    expect(wcagContrast(tokens.colors.dark['background'] as string, '#000000')).toBeLessThan(2);
  });

  it('writes CSS variables for both themes, the type scale, spacing and radius', async () => {
    const tokens = resultJson<Tokens>(
      await callOfflineTool('generate_design_tokens', { primary: '#2563eb', typeScaleRatio: 1.5, spacingBasePx: 8, radius: 'large' }),
    );
    expect(tokens.files.map((f) => f.name)).toEqual(['tokens.css']);
    const css = tokens.files[0]?.content ?? '';
    expect(css).toContain(`--color-primary: ${tokens.colors.light['primary']};`);
    expect(css).toContain(':root[data-theme="dark"] {');
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('--font-size-base: 1rem;');
    expect(css).toContain('--font-size-lg: 1.5rem;');
    expect(css).toContain('--font-size-xl: 2.25rem;');
    expect(css).toContain('--space-4: 2rem;');
    expect(css).toContain('--radius-md: 12px;');
  });

  it('writes a Tailwind theme on the CSS variables', async () => {
    const tokens = resultJson<Tokens>(await callOfflineTool('generate_design_tokens', { primary: '#2563eb', format: 'tailwind' }));
    expect(tokens.files.map((f) => f.name)).toEqual(['tokens.css', 'tailwind.config.js']);
    const config = tokens.files[1]?.content ?? '';
    expect(config).toContain('"primary": "var(--color-primary)"');
    expect(config).toContain('"md": "var(--radius-md)"');
    const theme = JSON.parse(config.slice(config.indexOf('extend: ') + 8, config.lastIndexOf('} };')).trim()) as Record<string, object>;
    expect(Object.keys(theme)).toEqual(['colors', 'fontSize', 'spacing', 'borderRadius']);
  });

  it('writes W3C design tokens with structured colour and dimension values', async () => {
    const tokens = resultJson<Tokens>(await callOfflineTool('generate_design_tokens', { primary: '#2563eb', format: 'w3c' }));
    const json = JSON.parse(tokens.files[0]?.content ?? '{}') as {
      color: { light: Record<string, { $type: string; $value: { colorSpace: string; components: number[]; hex: string } }> };
      spacing: Record<string, { $type: string; $value: { value: number; unit: string } }>;
    };
    expect(tokens.files[0]?.name).toBe('tokens.json');
    expect(json.color.light['background']).toEqual({ $type: 'color', $value: { colorSpace: 'srgb', components: [1, 1, 1], hex: '#ffffff' } });
    expect(json.spacing['4']).toEqual({ $type: 'dimension', $value: { value: 16, unit: 'px' } });
  });
});
