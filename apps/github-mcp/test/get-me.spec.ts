import { HttpResponse, connectInMemory, http, resultError, resultJson, useFakeUpstream } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { API_URL, authenticatedUser, configuredEnv } from './fake-upstream';

describe('get_me', () => {
  const fake = useFakeUpstream();

  it('returns the authenticated user and sends the token', async () => {
    let authorization: string | null = null;
    fake.use(
      http.get(`${API_URL}/user`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(authenticatedUser);
      }),
    );
    const { client, close } = await connectInMemory(githubApp, { env: configuredEnv });
    const result = await client.callTool({ name: 'get_me', arguments: {} });
    await close();
    expect(resultJson(result)).toMatchObject({ login: 'octocat', name: 'monalisa octocat', publicRepos: 2 });
    expect(authorization).toBe('token ghp_test_token_000000');
  });

  it('turns a 401 into an unauthorized error', async () => {
    fake.use(
      http.get(`${API_URL}/user`, () =>
        HttpResponse.json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, { status: 401 }),
      ),
    );
    const { client, close } = await connectInMemory(githubApp, { env: configuredEnv });
    const result = await client.callTool({ name: 'get_me', arguments: {} });
    await close();
    expect(resultError(result)).toMatch(/^unauthorized: GitHub rejected the credentials \(HTTP 401\): Bad credentials/);
  });
});
