import { capText } from '@sophia/mcp-base';
import { z } from 'zod';
import { auditHtml } from '../audit/axe-audit';
import { defineUiUxAgentTool } from '../context';
import { generationFields, generationMeta, maxTokensInput, tokensInput } from '../llm/llm-shapes';
import { REVIEW_SYSTEM_PROMPT, withTokens } from '../llm/prompts';
import { requireChat } from '../llm/require-chat';

export const reviewUi = defineUiUxAgentTool({
  name: 'review_ui',
  toolset: 'llm',
  title: 'Review UI code',
  description:
    'A design and accessibility critique of UI code (HTML or React/JSX) against design tokens: findings by ' +
    'severity with concrete fixes, in Markdown. For HTML, axe-core runs first (as audit_html, WCAG AA) and its ' +
    'violations are given to the model and returned too. One OpenRouter completion: costs credits, never retried, ' +
    'max_tokens capped by UI_UX_MAX_TOKENS. Needs OPENROUTER_API_KEY.',
  input: z.object({
    code: z.string().min(1).max(60_000).describe('The HTML document/fragment or React component to review.'),
    kind: z.enum(['html', 'react']).default('react').describe('html also gets an axe-core audit; react is reviewed as source (default).'),
    tokens: tokensInput,
    focus: z.string().max(1000).optional().describe('What to look at most, e.g. "mobile layout and form errors".'),
    maxTokens: maxTokensInput,
  }),
  output: z.object({
    review: z.string(),
    audit: z.array(z.object({ rule: z.string(), impact: z.string().nullable(), help: z.string(), elements: z.number() })).nullable(),
    ...generationFields,
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  handler: async ({ code, kind, tokens, focus, maxTokens }, ctx) => {
    const chat = requireChat(ctx);
    const audit =
      kind === 'html'
        ? (await auditHtml(code, { level: 'AA', bestPractices: true })).violations.map((rule) => ({
            rule: rule.id,
            impact: rule.impact ?? null,
            help: rule.help,
            elements: rule.nodes.length,
          }))
        : null;
    const parts = [
      `Code to review (${kind}):\n\`\`\`${kind === 'html' ? 'html' : 'tsx'}\n${code}\n\`\`\``,
      audit ? `axe-core audit (WCAG AA) violations:\n${audit.length ? audit.map((v) => `- ${v.rule} (${v.impact ?? 'n/a'}, ${v.elements} elements): ${v.help}`).join('\n') : '- none'}` : '',
      focus ? `Focus on: ${focus}` : '',
    ].filter(Boolean);
    const answer = await chat.complete(REVIEW_SYSTEM_PROMPT, withTokens(parts.join('\n\n'), tokens), maxTokens);
    return { review: capText(answer.text, 40_000), audit, ...generationMeta(answer) };
  },
});
