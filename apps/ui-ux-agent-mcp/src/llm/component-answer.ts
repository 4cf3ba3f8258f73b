import { extractCode } from './code-block';
import { generationMeta } from './llm-shapes';
import type { ChatAnswer } from './openrouter-chat';

/** A component tool's result: the code as one plain string, the notes, and what the call cost. */
export function componentResult(answer: ChatAnswer) {
  const { code, language, notes } = extractCode(answer.text, 'tsx');
  const cut = answer.truncated ? 'Cut at max_tokens: ask for a smaller component or raise maxTokens (up to UI_UX_MAX_TOKENS).' : null;
  return { language, code, notes: [cut, notes].filter(Boolean).join('\n') || null, ...generationMeta(answer) };
}
