/** The fake GitHub API base URL tests point GITHUB_API_URL at. */
export const GITHUB = 'https://github.fake';

/** Environment of a configured server against the fake; short retry delays keep tests fast. */
export const githubEnv = {
  GITHUB_TOKEN: 'ghp_test_token_000000',
  GITHUB_API_URL: GITHUB,
  GITHUB_RETRY_BASE_MS: '10',
};

/** GET /user as documented (trimmed to the fields we read). */
export const authenticatedUser = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  type: 'User',
  name: 'monalisa octocat',
  company: 'GitHub',
  email: 'octocat@github.com',
  html_url: 'https://github.com/octocat',
  public_repos: 2,
  created_at: '2008-01-14T04:33:35Z',
};

