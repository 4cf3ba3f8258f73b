import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** ai-memory-mcp's own settings, all from the environment (or Pulumi ESC). None is required. */
export const aiMemoryConfigSchema = z.object({
  /** PostgreSQL connection string; when unset the embedded PGlite store is used. */
  DATABASE_URL: envSecret(),
  /** Where the embedded PGlite database lives on disk (created when missing). */
  AI_MEMORY_DATA_DIR: z.string().trim().min(1).default('./ai-memory-data'),
  /** Pool size for PostgreSQL. */
  AI_MEMORY_PG_POOL_SIZE: envInt(5),
  /** OpenAI-compatible embeddings API (POST {url}/embeddings). Vector search is on when this or the key is set. */
  EMBEDDINGS_API_URL: z.url().optional(),
  EMBEDDINGS_API_KEY: envSecret(),
  EMBEDDINGS_MODEL: z.string().trim().min(1).default('openai/text-embedding-3-small'),
  EMBEDDINGS_TIMEOUT_MS: envInt(20_000),
});

export type AiMemoryConfig = z.output<typeof aiMemoryConfigSchema>;

/** The embeddings endpoint when one is configured: an explicit URL, or OpenRouter once a key is set. */
export function embeddingsEndpoint(config: AiMemoryConfig): string | undefined {
  if (config.EMBEDDINGS_API_URL) return config.EMBEDDINGS_API_URL;
  return config.EMBEDDINGS_API_KEY ? 'https://openrouter.ai/api/v1' : undefined;
}
