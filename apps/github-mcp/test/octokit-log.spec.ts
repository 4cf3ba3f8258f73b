import { connectInMemory, resultError, useFakeUpstream } from '@sophia/mcp-testing';
import { githubApp } from '../src/app';
import { configuredEnv, githubError, route } from './fake-upstream';

/** A caller's 404 is an answer, not the operator's problem: Octokit's request log must not call it an error. */
describe("Octokit's request log", () => {
  const fake = useFakeUpstream();

  async function logsOf(status: number): Promise<Array<{ level: string; msg: string }>> {
    fake.use(route('get', '/user', () => githubError(status, 'Not Found')).handler);
    const lines: Array<{ level: string; msg: string }> = [];
    const connection = await connectInMemory(githubApp, {
      env: { ...configuredEnv, LOG_LEVEL: 'debug', MCP_UPSTREAM_RETRIES: '0' },
      logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    try {
      const result = await connection.client.callTool({ name: 'get_me', arguments: {} });
      expect(resultError(result)).toMatch(/^(not_found|upstream_error): /);
    } finally {
      await connection.close();
    }
    return lines.filter((line) => /^GET \/user - /.test(line.msg));
  }

  it('logs an upstream 404 at debug level, not error', async () => {
    const lines = await logsOf(404);
    expect(lines.map((line) => line.level)).toEqual(['debug']);
  });

  it('still logs an upstream 5xx at warn level', async () => {
    const lines = await logsOf(502);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.level === 'warn')).toBe(true);
  });
});
