import { ToolError, type UpstreamClient } from '@sophia/mcp-base';
import type { Embedding } from './store';

interface EmbeddingsResponse {
  data?: { embedding?: unknown; index?: number }[];
  model?: string;
}

/** An OpenAI-compatible embeddings API (OpenRouter, OpenAI, a local server): POST /embeddings. */
export class Embeddings {
  constructor(
    private readonly http: UpstreamClient,
    readonly model: string,
  ) {}

  async embed(text: string, signal: AbortSignal): Promise<Embedding> {
    const response = await this.http.post<EmbeddingsResponse>('embeddings', {
      json: { model: this.model, input: [text], encoding_format: 'float' },
      signal,
      // Embedding the same text twice has no effect upstream: retried like a read, also from write tools.
      idempotent: true,
    });
    const vector = response?.data?.find((item) => (item.index ?? 0) === 0)?.embedding;
    if (!Array.isArray(vector) || vector.length === 0 || !vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new ToolError('upstream_error', 'the embeddings API answered without a numeric embedding (data[0].embedding)');
    }
    // Vectors are compared by the model we asked for, so a provider's alias naming does not split the index.
    return { vector: vector as number[], model: this.model };
  }
}
