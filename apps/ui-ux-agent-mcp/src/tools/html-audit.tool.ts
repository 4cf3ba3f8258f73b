import { capText, pageInput, pageNumberCursor } from '@sophia/mcp-base';
import type axe from 'axe-core';
import { z } from 'zod';
import { auditHtml } from '../audit/axe-audit';
import { defineUiUxAgentTool } from '../context';

const NODES_PER_RULE = 10;

const violation = z.object({
  rule: z.string(),
  impact: z.string().nullable(),
  help: z.string(),
  helpUrl: z.string(),
  wcag: z.array(z.string()),
  nodes: z.array(z.object({ selector: z.string(), html: z.string(), fix: z.string() })),
  moreNodes: z.number(),
});

export const auditHtmlTool = defineUiUxAgentTool({
  name: 'audit_html',
  toolset: 'audit',
  title: 'Audit HTML for accessibility (axe-core)',
  description:
    'Runs axe-core (the engine behind Lighthouse and axe DevTools) on the given HTML in a sandboxed jsdom document: ' +
    'scripts in it never run and nothing is fetched. Returns violations by severity (critical first), each with the ' +
    'CSS selector and snippet of up to 10 failing elements and how to fix them, plus checks axe could not decide ' +
    'without a real browser (incomplete: e.g. contrast over images, since jsdom does no layout). WCAG level A, AA ' +
    '(default) or AAA; best practices included unless turned off. Offline. Pages through violations with cursor.',
  input: z.object({
    html: z.string().min(1).max(500_000).describe('A full document or a fragment (up to 500,000 characters).'),
    level: z.enum(['A', 'AA', 'AAA']).default('AA').describe('WCAG conformance level to test (default AA).'),
    bestPractices: z.boolean().default(true).describe('Also run axe best-practice rules (default true).'),
    ...pageInput({ defaultLimit: 20, maxLimit: 50 }),
  }),
  output: z.object({
    level: z.string(),
    violationCount: z.number(),
    failingElements: z.number(),
    violations: z.array(violation),
    incomplete: z.array(z.object({ rule: z.string(), help: z.string(), elements: z.number() })),
    passedRules: z.number(),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
  handler: async ({ html, level, bestPractices, cursor, limit }) => {
    const page = pageNumberCursor.read(cursor);
    const outcome = await auditHtml(html, { level, bestPractices });
    const { violations } = outcome;
    const start = (page - 1) * limit;
    return {
      level,
      violationCount: violations.length,
      failingElements: violations.reduce((sum, rule) => sum + rule.nodes.length, 0),
      violations: violations.slice(start, start + limit).map(compactViolation),
      incomplete: page === 1 ? outcome.incomplete.map((rule) => ({ rule: rule.id, help: rule.help, elements: rule.nodes.length })) : [],
      passedRules: outcome.passes,
      nextCursor: pageNumberCursor.next(page, start + limit < violations.length),
    };
  },
});

function compactViolation(rule: axe.Result) {
  return {
    rule: rule.id,
    impact: rule.impact ?? null,
    help: rule.help,
    helpUrl: rule.helpUrl,
    wcag: rule.tags.filter((tag) => /^wcag\d/.test(tag)),
    nodes: rule.nodes.slice(0, NODES_PER_RULE).map((node) => ({
      selector: node.target.map(String).join(' '),
      html: capText(node.html, 300),
      fix: capText(node.failureSummary ?? rule.help, 600),
    })),
    moreNodes: Math.max(rule.nodes.length - NODES_PER_RULE, 0),
  };
}
