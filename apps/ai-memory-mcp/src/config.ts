import { homedir } from 'node:os';
import { join } from 'node:path';
import { envInt, envSecret } from '@sophia/mcp-base';
import { z } from 'zod';
import manifest from '../mcp-server.json';

/**
 * Where the embedded store lives by default: the user's data directory (XDG), never the working
 * directory. `npm start` points it under the workspace's ignored tmp/fleet/; the cluster at its volume.
 */
export const defaultDataDir = () =>
  join(process.env['XDG_DATA_HOME']?.trim() || join(homedir(), '.local', 'share'), 'sophia', 'ai-memory-mcp');

/** ai-memory-mcp's own settings, all from the environment (or Pulumi ESC). None is required. */
export const aiMemoryConfigSchema = z.object({
  /** PostgreSQL connection string; when unset the embedded PGlite store is used. */
  DATABASE_URL: envSecret(),
  /** Where the embedded PGlite database lives on disk (created when missing). */
  AI_MEMORY_DATA_DIR: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : defaultDataDir())),
  /** Pool size for PostgreSQL. */
  AI_MEMORY_PG_POOL_SIZE: envInt(5),
  /** OpenAI-compatible embeddings API (POST {url}/embeddings). Default: the manifest's upstream.defaultUrl. */
  EMBEDDINGS_API_URL: z.url(),
  EMBEDDINGS_API_KEY: envSecret(),
  EMBEDDINGS_MODEL: z.string().trim().min(1).default('openai/text-embedding-3-small'),
});

export type AiMemoryConfig = z.output<typeof aiMemoryConfigSchema>;

/**
 * The embeddings endpoint when vector search is on: with a key (the default endpoint, OpenRouter,
 * needs one), or with an endpoint of your own (a local model may need none). Else full-text only.
 */
export function embeddingsEndpoint(config: AiMemoryConfig): string | undefined {
  const ownEndpoint = config.EMBEDDINGS_API_URL !== manifest.upstream.defaultUrl;
  return config.EMBEDDINGS_API_KEY || ownEndpoint ? config.EMBEDDINGS_API_URL : undefined;
}
