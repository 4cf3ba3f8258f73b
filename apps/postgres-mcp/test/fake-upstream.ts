/** The fake PostgreSQL API base URL tests point POSTGRES_API_URL at. */
export const API_URL = 'https://postgres.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  DATABASE_URL: 'test-token-000000',
  POSTGRES_API_URL: API_URL,
};
