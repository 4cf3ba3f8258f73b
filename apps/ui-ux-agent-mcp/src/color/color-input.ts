import { ToolError } from '@sophia/mcp-base';
import { blend, formatHex, parse, type Color } from 'culori';
import { z } from 'zod';

/** A CSS colour as tools accept it: hex, rgb(), hsl(), oklch(), named. */
export const colorInput = (what: string) =>
  z.string().trim().min(1).max(100).describe(`${what}: any CSS colour (#777, #777777, rgb(…), hsl(…), oklch(…), named).`);

/** Parses a CSS colour with culori; a bad one is invalid_input naming the field. */
export function parseColor(value: string, field: string): Color {
  const color = parse(value);
  if (!color) throw ToolError.invalidInput(`${field} "${value}" is not a CSS colour: use e.g. #1e40af, rgb(30 64 175) or oklch(0.45 0.2 265).`);
  return color;
}

/** A colour with transparency is what the eye sees once composited over its backdrop. */
export function flatten(color: Color, backdrop: Color): Color {
  return color.alpha === undefined || color.alpha >= 1 ? color : blend([backdrop, color], 'normal');
}

/** #rrggbb, the one form results use (out-of-gamut values are clipped by culori's formatter). */
export const hex = (color: Color | string): string => formatHex(color) ?? String(color);
