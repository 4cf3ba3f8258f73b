import { wcagContrast, type Color } from 'culori';

/** WCAG 2.x minimum ratios: 1.4.3 (AA), 1.4.6 (AAA), 1.4.11 non-text contrast (AA only). */
export const WCAG_THRESHOLDS = {
  AA: { normal: 4.5, large: 3, ui: 3 },
  AAA: { normal: 7, large: 4.5, ui: 3 },
} as const;

export type WcagLevel = keyof typeof WCAG_THRESHOLDS;
export type TextSize = keyof (typeof WCAG_THRESHOLDS)['AA'];

export const contrastRatio = (a: Color | string, b: Color | string): number => wcagContrast(a, b);

/** Shown with two decimals; verdicts use the exact ratio (4.48 fails 4.5, it is not rounded up). */
export const roundRatio = (ratio: number): number => Math.round(ratio * 100) / 100;

export function wcagVerdicts(ratio: number) {
  return {
    AA: {
      normalText: ratio >= WCAG_THRESHOLDS.AA.normal,
      largeText: ratio >= WCAG_THRESHOLDS.AA.large,
      uiComponents: ratio >= WCAG_THRESHOLDS.AA.ui,
    },
    AAA: { normalText: ratio >= WCAG_THRESHOLDS.AAA.normal, largeText: ratio >= WCAG_THRESHOLDS.AAA.large },
  };
}
