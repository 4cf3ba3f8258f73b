import type axe from 'axe-core';
import { Script } from 'node:vm';

/** axe-core rule tags per WCAG level (each level includes the ones below it). */
const WCAG_TAGS = {
  A: ['wcag2a', 'wcag21a'],
  AA: ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
  AAA: ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'wcag2aaa'],
} as const;

export type AuditLevel = keyof typeof WCAG_TAGS;

export interface AuditOptions {
  level: AuditLevel;
  /** Also run axe's best-practice rules (landmarks, heading order, …), which are not WCAG failures. */
  bestPractices: boolean;
}

export interface AuditOutcome {
  /** Most severe first. */
  violations: axe.Result[];
  incomplete: axe.Result[];
  passes: number;
}

/** The jsdom window once axe-core's source ran in it (runScripts: outside-only gives it eval). */
type AxeWindow = Window & { axe: typeof axe };

/**
 * jsdom and axe-core's 1.5 MB source, loaded on the first audit: evaluating them costs ~50 MB of idle RSS
 * and most calls of this server (colour, tokens, components) never need them.
 */
let auditKit: Promise<{ jsdom: typeof import('jsdom'); axeScript: Script }> | undefined;

const loadAuditKit = () =>
  (auditKit ??= Promise.all([import('jsdom'), import('axe-core')]).then(([jsdom, axeModule]) => ({
    jsdom,
    axeScript: new Script((axeModule.default ?? axeModule).source, { filename: 'axe-core.js' }),
  })));

/**
 * Runs axe-core inside a fresh jsdom document built from the HTML. The page's own scripts never run
 * and nothing is fetched (jsdom loads no subresources by default): the audit is offline and safe for
 * untrusted HTML. jsdom does no layout, so rules that need rendering (colour contrast of text over
 * images, target size) come back as incomplete rather than violations.
 */
export async function auditHtml(html: string, options: AuditOptions): Promise<AuditOutcome> {
  // A silent console: jsdom's "not implemented" notes (canvas) and the page's own output stay out of our logs.
  const { jsdom, axeScript } = await loadAuditKit();
  const dom = new jsdom.JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new jsdom.VirtualConsole() });
  try {
    axeScript.runInContext(dom.getInternalVMContext());
    const window = dom.window as unknown as AxeWindow;
    const values: string[] = [...WCAG_TAGS[options.level], ...(options.bestPractices ? ['best-practice'] : [])];
    const results = await window.axe.run(window.document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations', 'incomplete'],
    });
    return { violations: bySeverity(results.violations), incomplete: results.incomplete, passes: results.passes.length };
  } finally {
    dom.window.close();
  }
}

const IMPACT_ORDER = ['critical', 'serious', 'moderate', 'minor'];

const rank = (impact: string | null | undefined) => {
  const index = IMPACT_ORDER.indexOf(impact ?? '');
  return index < 0 ? IMPACT_ORDER.length : index;
};

/** Most severe first, then by rule id, so pages and prompts are stable. */
const bySeverity = (rules: axe.Result[]) => [...rules].sort((a, b) => rank(a.impact) - rank(b.impact) || a.id.localeCompare(b.id));
