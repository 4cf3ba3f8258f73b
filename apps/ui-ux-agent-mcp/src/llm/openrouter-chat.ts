import { ToolError, findToolError, type UpstreamClient } from '@sophia/mcp-base';

/** The parts of OpenRouter's documented non-streaming chat completion we read. */
interface ChatCompletion {
  id?: string;
  model?: string;
  choices?: Array<{
    finish_reason?: string | null;
    message?: { content?: string | null };
    error?: { code?: number; message?: string };
  }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number; cost?: number };
}

export interface ChatAnswer {
  text: string;
  model: string;
  generationId: string | null;
  /** True when the model stopped at max_tokens: the text is cut. */
  truncated: boolean;
  usage: { promptTokens: number | null; completionTokens: number | null; costUsd: number | null };
}

export interface ChatSettings {
  model: string;
  /** Hard cap on max_tokens (UI_UX_MAX_TOKENS): every completion costs credits. */
  maxTokens: number;
}

/**
 * One OpenRouter chat completion per call, sent as a write so the base never retries it (a retry
 * would pay twice). Errors inside a 200 (a provider failing mid-generation) become ToolErrors.
 */
export class OpenRouterChat {
  constructor(
    private readonly http: UpstreamClient,
    readonly settings: ChatSettings,
  ) {}

  async complete(system: string, user: string, maxTokens?: number): Promise<ChatAnswer> {
    const completion = await this.http.post<ChatCompletion>('chat/completions', {
      json: {
        model: this.settings.model,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        max_tokens: Math.min(maxTokens ?? this.settings.maxTokens, this.settings.maxTokens),
        temperature: 0.2,
        stream: false,
        usage: { include: true },
      },
    }).catch((error: unknown) => {
      throw withOpenRouterAdvice(error, this.settings.model);
    });
    const choice = completion.choices?.[0];
    if (choice?.error) {
      throw new ToolError('upstream_error', `OpenRouter: the model failed: ${choice.error.message ?? 'no message'} (code ${choice.error.code ?? 'unknown'}).`);
    }
    const text = choice?.message?.content;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new ToolError('upstream_error', `OpenRouter answered without any text from ${completion.model ?? this.settings.model}; try again or set UI_UX_MODEL to another model.`);
    }
    return {
      text,
      model: completion.model ?? this.settings.model,
      generationId: completion.id ?? null,
      truncated: choice?.finish_reason === 'length',
      usage: {
        promptTokens: completion.usage?.prompt_tokens ?? null,
        completionTokens: completion.usage?.completion_tokens ?? null,
        costUsd: completion.usage?.cost ?? null,
      },
    };
  }
}

/**
 * OpenRouter's documented chat error codes, with what to do: the base's generic wording of 402
 * ("paid plan") and 404 does not say that credits ran out or that the model id is wrong.
 */
function withOpenRouterAdvice(error: unknown, model: string): unknown {
  const failure = findToolError(error);
  const status = failure?.details.status;
  if (!failure || status === undefined) return error;
  const advice: Record<number, string> = {
    402: 'the key has too few credits for this request: add credits at https://openrouter.ai/settings/credits, raise the key\'s limit, or lower maxTokens',
    403: 'the input was flagged by the provider\'s moderation: rephrase it',
    404: `no provider serves the model "${model}": set UI_UX_MODEL to a model id listed at https://openrouter.ai/models`,
  };
  const hint = advice[status];
  return hint ? new ToolError(failure.kind, `${failure.message} OpenRouter: ${hint}.`, failure.details) : error;
}
