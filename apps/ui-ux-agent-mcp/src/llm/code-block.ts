import { capText } from '@sophia/mcp-base';

export interface ExtractedCode {
  code: string;
  language: string;
  /** What the model wrote outside the code block (assumptions, usage notes), capped. */
  notes: string | null;
}

const FENCE = /```([\w+-]*)[^\n]*\n([\s\S]*?)(?:```|$)/;

/**
 * The first fenced code block of a model answer, without its fence, so the result is one plain
 * string a client can render as a block (models wrap code in prose, or forget to close the fence
 * when cut at max_tokens). Without any fence the whole answer is taken as the code.
 */
export function extractCode(answer: string, defaultLanguage: string): ExtractedCode {
  const match = FENCE.exec(answer);
  if (!match) return { code: answer.trim(), language: defaultLanguage, notes: null };
  const outside = [answer.slice(0, match.index), answer.slice(match.index + match[0].length)]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n\n');
  return {
    code: (match[2] ?? '').trimEnd(),
    language: match[1] || defaultLanguage,
    notes: outside ? capText(outside, 2000) : null,
  };
}
