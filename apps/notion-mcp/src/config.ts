import { envSecret } from '@sophia/mcp-base';
import { z } from 'zod';

/** notion-mcp's own settings, all from the environment (or Pulumi ESC). */
export const notionConfigSchema = z.object({
  NOTION_TOKEN: envSecret(),
  NOTION_API_URL: z.url().default('https://api.notion.com'),
});

export type NotionConfig = z.output<typeof notionConfigSchema>;
