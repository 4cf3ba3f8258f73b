import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** notion-mcp's own settings, all from the environment (or Pulumi ESC). */
export const notionConfigSchema = z.object({
  NOTION_TOKEN: envSecret(),
  /** Without /v1: the SDK appends /v1/<endpoint>. Default: the manifest's upstream.defaultUrl. */
  NOTION_API_URL: z.url(),
});

export type NotionConfig = z.output<typeof notionConfigSchema>;
