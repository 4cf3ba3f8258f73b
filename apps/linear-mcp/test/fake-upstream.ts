/** The fake Linear API base URL tests point LINEAR_API_URL at. */
export const API_URL = 'https://linear.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  LINEAR_API_KEY: 'test-token-000000',
  LINEAR_API_URL: API_URL,
};
