import { srgbComponents, type ColorRoles, type DesignTokens } from './design-tokens';

export type TokenFormat = 'css' | 'tailwind' | 'w3c';

export interface TokenFile {
  name: string;
  language: string;
  content: string;
}

const px = (value: number) => (value === 0 ? '0' : `${value}px`);
const rem = (value: number) => (value === 0 ? '0' : `${value}rem`);
const colorVars = (roles: ColorRoles, indent: string) =>
  Object.entries(roles).map(([role, value]) => `${indent}--color-${role}: ${value};`);

/** CSS custom properties: light on :root, dark by prefers-color-scheme or data-theme="dark". */
function cssVariables(tokens: DesignTokens): string {
  const shared = [
    ...Object.entries(tokens.fontSize).flatMap(([name, size]) => [
      `  --font-size-${name}: ${rem(size.rem)};`,
      `  --line-height-${name}: ${size.lineHeight};`,
    ]),
    ...Object.entries(tokens.spacing).map(([name, value]) => `  --space-${name}: ${rem(value / 16)};`),
    ...Object.entries(tokens.radius).map(([name, value]) => `  --radius-${name}: ${px(value)};`),
  ];
  return [
    ':root {',
    '  color-scheme: light;',
    ...colorVars(tokens.color.light, '  '),
    ...shared,
    '}',
    '',
    '@media (prefers-color-scheme: dark) {',
    '  :root:not([data-theme="light"]) {',
    '    color-scheme: dark;',
    ...colorVars(tokens.color.dark, '    '),
    '  }',
    '}',
    '',
    ':root[data-theme="dark"] {',
    '  color-scheme: dark;',
    ...colorVars(tokens.color.dark, '  '),
    '}',
    '',
  ].join('\n');
}

/** Tailwind theme.extend pointing at the CSS variables, so light/dark switch without dark: variants. */
function tailwindTheme(tokens: DesignTokens): string {
  const theme = {
    colors: Object.fromEntries(Object.keys(tokens.color.light).map((role) => [role, `var(--color-${role})`])),
    fontSize: Object.fromEntries(
      Object.keys(tokens.fontSize).map((name) => [name, [`var(--font-size-${name})`, { lineHeight: `var(--line-height-${name})` }]]),
    ),
    spacing: Object.fromEntries(Object.keys(tokens.spacing).map((name) => [name.replace('_', '.'), `var(--space-${name})`])),
    borderRadius: Object.fromEntries(Object.keys(tokens.radius).map((name) => [name, `var(--radius-${name})`])),
  };
  return [
    '/** @type {import("tailwindcss").Config} — load tokens.css (the variables) in your global stylesheet. */',
    `export default { theme: { extend: ${JSON.stringify(theme, null, 2)} } };`,
    '',
  ].join('\n');
}

const dimension = (value: number) => ({ $type: 'dimension', $value: { value, unit: 'px' } });
const colorToken = (value: string) => ({ $type: 'color', $value: { colorSpace: 'srgb', components: srgbComponents(value), hex: value } });
const group = <T>(entries: Record<string, T>, token: (value: T) => unknown) =>
  Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, token(value)]));

/** W3C Design Tokens Community Group format (2025.10): structured colour and dimension values. */
function w3cTokens(tokens: DesignTokens): string {
  return `${JSON.stringify(
    {
      color: { light: group(tokens.color.light, colorToken), dark: group(tokens.color.dark, colorToken) },
      fontSize: group(tokens.fontSize, (size) => dimension(size.px)),
      lineHeight: group(tokens.fontSize, (size) => ({ $type: 'number', $value: size.lineHeight })),
      spacing: group(tokens.spacing, dimension),
      radius: group(tokens.radius, dimension),
    },
    null,
    2,
  )}\n`;
}

export function formatTokens(tokens: DesignTokens, format: TokenFormat): TokenFile[] {
  const css = { name: 'tokens.css', language: 'css', content: cssVariables(tokens) };
  if (format === 'css') return [css];
  if (format === 'tailwind') return [css, { name: 'tailwind.config.js', language: 'js', content: tailwindTheme(tokens) }];
  return [{ name: 'tokens.json', language: 'json', content: w3cTokens(tokens) }];
}
