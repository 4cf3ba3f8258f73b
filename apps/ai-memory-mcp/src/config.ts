import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** ai-memory-mcp's own settings, all from the environment (or Pulumi ESC). */
export const aiMemoryConfigSchema = z.object({
  EMBEDDINGS_API_KEY: envSecret(),
  AI_MEMORY_API_URL: z.url().default('https://openrouter.ai/api/v1'),
});

export type AiMemoryConfig = z.output<typeof aiMemoryConfigSchema>;
