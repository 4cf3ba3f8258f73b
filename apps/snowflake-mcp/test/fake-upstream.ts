/** The fake Snowflake API base URL tests point SNOWFLAKE_API_URL at. */
export const API_URL = 'https://snowflake.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  SNOWFLAKE_TOKEN: 'test-token-000000',
  SNOWFLAKE_API_URL: API_URL,
};
