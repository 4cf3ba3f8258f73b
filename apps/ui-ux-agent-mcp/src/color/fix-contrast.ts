import { differenceCiede2000, converter, parse, toGamut, type Color, type Oklch } from 'culori';
import { hex } from './color-input';
import { contrastRatio } from './wcag';

const toOklch = converter('oklch');
const intoSrgb = toGamut('rgb', 'oklch');
const deltaE = differenceCiede2000();

/** The sRGB colour (as hex) with this OKLCH lightness, keeping hue and as much chroma as fits. */
function withLightness(base: Oklch, lightness: number): string {
  return hex(intoSrgb({ ...base, l: lightness, alpha: undefined }));
}

const ratioOf = (candidate: string, against: Color) => contrastRatio(candidate, against);

export interface ContrastFix {
  color: string;
  ratio: number;
  /** CIEDE2000 distance from the original: how visible the change is (under ~2 barely). */
  deltaE: number;
  direction: 'darker' | 'lighter' | 'unchanged';
}

/**
 * The colour of the same OKLCH hue nearest in lightness to `color` whose WCAG contrast against
 * `against` reaches `target`; undefined when no lightness of that hue reaches it. culori does the
 * colour maths (OKLCH, gamut mapping, WCAG luminance); this only searches lightness: a coarse scan for
 * the nearest passing lightness on each side, then bisection to the boundary.
 */
export function nearestPassingColor(color: Color, against: Color, target: number): ContrastFix | undefined {
  const original = hex(color);
  if (ratioOf(original, against) >= target) {
    return { color: original, ratio: ratioOf(original, against), deltaE: 0, direction: 'unchanged' };
  }
  const base = toOklch(color);
  const start = base.l;
  const candidates = [boundary(base, against, target, start, 0), boundary(base, against, target, start, 1)]
    .filter((found): found is string => found !== undefined)
    .map((found) => ({ found, distance: deltaE(parse(found) as Color, color) }))
    .sort((a, b) => a.distance - b.distance);
  const best = candidates[0];
  if (!best) return undefined;
  return {
    color: best.found,
    ratio: ratioOf(best.found, against),
    deltaE: Math.round(best.distance * 100) / 100,
    direction: toOklch(parse(best.found) as Color).l < start ? 'darker' : 'lighter',
  };
}

/** The passing lightness nearest `from` on the way to `end` (0 black, 1 white), as hex. */
function boundary(base: Oklch, against: Color, target: number, from: number, end: 0 | 1): string | undefined {
  const steps = 100;
  let failing = from;
  let found: number | undefined;
  for (let i = 1; i <= steps && found === undefined; i++) {
    const lightness = from + ((end - from) * i) / steps;
    if (ratioOf(withLightness(base, lightness), against) >= target) found = lightness;
    else failing = lightness;
  }
  if (found === undefined) return undefined;
  let passing = found;
  for (let i = 0; i < 24; i++) {
    const middle: number = (failing + passing) / 2;
    if (ratioOf(withLightness(base, middle), against) >= target) passing = middle;
    else failing = middle;
  }
  return withLightness(base, passing);
}
