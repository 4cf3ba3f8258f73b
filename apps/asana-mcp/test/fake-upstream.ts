/** The fake Asana API base URL tests point ASANA_API_URL at. */
export const API_URL = 'https://asana.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  ASANA_TOKEN: 'test-token-000000',
  ASANA_API_URL: API_URL,
};
