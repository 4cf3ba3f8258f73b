/** The fake Notion API base URL tests point NOTION_API_URL at. */
export const API_URL = 'https://notion.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  NOTION_TOKEN: 'test-token-000000',
  NOTION_API_URL: API_URL,
};
