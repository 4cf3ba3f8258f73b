/** A chat completion shaped like OpenRouter's documented non-streaming response. */
export function chatCompletion(content: string, overrides: { finishReason?: string; model?: string } = {}) {
  return {
    id: 'gen-1764500000-AbCdEfGhIjKlMnOp',
    provider: 'Anthropic',
    model: overrides.model ?? 'acme/design-model',
    object: 'chat.completion',
    created: 1764500000,
    choices: [
      {
        index: 0,
        logprobs: null,
        finish_reason: overrides.finishReason ?? 'stop',
        native_finish_reason: overrides.finishReason === 'length' ? 'max_tokens' : 'end_turn',
        message: { role: 'assistant', content, refusal: null, reasoning: null },
      },
    ],
    usage: { prompt_tokens: 412, completion_tokens: 230, total_tokens: 642, cost: 0.004686, is_byok: false },
  };
}

/** OpenRouter's documented error body. */
export const openRouterError = (code: number, message: string) => ({ error: { code, message } });

export const BUTTON_ANSWER = [
  "Here's the component:",
  '',
  '```tsx',
  'import React from "react";',
  '',
  'export default function SaveButton({ onSave }: { onSave: () => void }) {',
  '  return <button type="button" onClick={onSave} className="rounded-md bg-[var(--color-primary)] px-4 py-2 text-[var(--color-on-primary)] focus-visible:outline">Save</button>;',
  '}',
  '```',
  '',
  'Uses the primary tokens.',
].join('\n');
