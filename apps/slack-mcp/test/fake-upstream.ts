/** The fake Slack API base URL tests point SLACK_API_URL at. */
export const API_URL = 'https://slack.fake';

/** Environment of a configured server against the fake. */
export const configuredEnv = {
  SLACK_TOKEN: 'test-token-000000',
  SLACK_API_URL: API_URL,
};
