import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, type Color } from 'culori';
import { hex } from './color-input';

/** culori's simulations (Machado, Oliveira & Fernandes 2009), by the name designers use. */
export const DEFICIENCIES = {
  protanopia: filterDeficiencyProt,
  deuteranopia: filterDeficiencyDeuter,
  tritanopia: filterDeficiencyTrit,
} as const;

export type Deficiency = keyof typeof DEFICIENCIES;

const deltaE = differenceCiede2000();

/** Below this CIEDE2000 distance two colours read as the same at a glance. */
export const CONFUSABLE_DELTA_E = 10;

export function simulate(color: Color, deficiency: Deficiency, severity: number): string {
  return hex(DEFICIENCIES[deficiency](severity)(color));
}

export const colorDistance = (a: Color | string, b: Color | string): number => deltaE(a, b);
