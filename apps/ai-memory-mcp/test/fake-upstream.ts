/** The fake AI-Memory API base URL tests point AI_MEMORY_API_URL at. */
export const API_URL = 'https://ai-memory.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  EMBEDDINGS_API_KEY: 'test-token-000000',
  AI_MEMORY_API_URL: API_URL,
};
