import { Writable } from 'node:stream';
import { echoApp } from './echo-app';
import { connect } from './in-memory-client';

const configured = { ECHO_TOKEN: 'secret-token-123456', ECHO_PREFIX: '> ' };

describe('the tool call pipeline', () => {
  it('validates, calls the handler with the app context and returns compact JSON', async () => {
    const { client, textOf, close } = await connect(echoApp, configured);
    const result = await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
    await close();
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toBe('{"echoed":"> hi"}');
  });

  it('answers invalid arguments with a precise invalid_input error', async () => {
    const { client, textOf, close } = await connect(echoApp, configured);
    const result = await client.callTool({ name: 'echo', arguments: { message: '' } });
    await close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^invalid_input: invalid arguments for echo:[\s\S]*message/);
  });

  it('names the missing variable and the ESC key when a secret is absent', async () => {
    const { client, runtime, textOf, close } = await connect(echoApp, {});
    const result = await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
    await close();
    expect(textOf(result)).toBe(
      'not_configured: Echo is not configured: set ECHO_TOKEN (environment variable, or ' +
        'environmentVariables.ECHO_TOKEN in the Pulumi ESC environment).',
    );
    expect(runtime.readiness()).toMatchObject({ ready: false, status: 'not_configured', missing: ['ECHO_TOKEN'] });
  });

  it('passes ToolErrors through with their kind', async () => {
    const { client, textOf, close } = await connect(echoApp, configured);
    const result = await client.callTool({ name: 'echo', arguments: { message: 'missing' } });
    await close();
    expect(textOf(result)).toBe('not_found: no such message');
  });

  it('times a slow handler out instead of hanging', async () => {
    const { client, textOf, close } = await connect(echoApp, { ...configured, MCP_TOOL_TIMEOUT_MS: '50' });
    const result = await client.callTool({ name: 'echo', arguments: { message: 'slow', delayMs: 2000 } });
    await close();
    expect(textOf(result)).toBe('timeout: echo did not finish within 50 ms.');
  });

  it('refuses results over the size cap with advice instead of dumping them', async () => {
    const { client, textOf, close } = await connect(echoApp, { ...configured, MCP_MAX_RESULT_BYTES: '20' });
    const result = await client.callTool({ name: 'echo', arguments: { message: 'a much longer message' } });
    await close();
    expect(textOf(result)).toMatch(/^invalid_input: the result of echo is \d+ bytes, over the 20-byte cap/);
  });

  it('hides an unexpected error behind a request id and logs it with its stack, secrets scrubbed', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { client, textOf, close } = await connect(echoApp, configured, destination);
    const result = await client.callTool({ name: 'echo', arguments: { message: 'boom' } });
    await close();

    const text = textOf(result);
    expect(text).toMatch(/^internal_error: echo failed unexpectedly \(request id [0-9a-f-]{36}\)/);
    expect(text).not.toContain('kaboom');
    const requestId = /request id ([0-9a-f-]{36})/.exec(text)?.[1];
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'tool handler failed unexpectedly');
    expect(failure).toMatchObject({ tool: 'echo', requestId, level: 'error' });
    expect(failure.err.stack).toContain('kaboom');
    expect(JSON.stringify(lines)).not.toContain('secret-token-123456');
    const summary = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'tool call');
    expect(summary).toMatchObject({ tool: 'echo', outcome: 'internal_error', requestId });
  });

  it('counts calls by tool and outcome', async () => {
    const { client, runtime, close } = await connect(echoApp, configured);
    await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
    await client.callTool({ name: 'echo', arguments: { message: 'missing' } });
    await close();
    const metrics = await runtime.metrics.render();
    expect(metrics).toContain('mcp_tool_calls_total{tool="echo",outcome="ok"} 1');
    expect(metrics).toContain('mcp_tool_calls_total{tool="echo",outcome="not_found"} 1');
    expect(metrics).toMatch(/mcp_tool_duration_seconds_count\{tool="echo"\} 2/);
  });
});
