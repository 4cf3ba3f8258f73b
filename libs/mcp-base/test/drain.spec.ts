import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { startMcpServer, type RunningMcpServer } from '../src';
import { echoApp } from './echo-app';

/**
 * SIGTERM must not lose a call whose bytes reached the server before it: a request still in the
 * socket's receive buffer (sent, not yet read by the event loop) is a call in flight, not an idle
 * keep-alive connection to cut.
 */
describe('draining on shutdown', () => {
  let server: RunningMcpServer;

  beforeEach(async () => {
    server = await startEchoServer({ MCP_SHUTDOWN_TIMEOUT_MS: '3000' });
  });

  afterEach(() => server.close());

  it('answers every call whose request was sent before close(), even one not yet read', async () => {
    const sockets = await Promise.all(Array.from({ length: 8 }, () => openConnection(server)));
    // Written and closed in one synchronous run: no request can have been read by the server yet.
    sockets.forEach((socket, index) => socket.write(toolCallRequest(server, index)));
    const closing = server.close();
    const answers = await Promise.all(sockets.map(readResponse));
    await closing;
    answers.forEach((answer, index) => {
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      // The SSE event carries the JSON-RPC result, whose text is the tool's JSON (escaped once more).
      expect(answer).toContain(`"id":${index}}`);
      expect(answer).toContain(String.raw`echoed\":\"call ${index}`);
    });
  });

  it('answers calls on new connections it accepts only after close() began (request not read yet)', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 12 }, async (_unused, index) => {
        const socket = connect(server.port, '127.0.0.1');
        socket.setEncoding('utf8');
        await once(socket, 'connect');
        socket.write(toolCallRequest(server, index));
        return socket;
      }),
    );
    // Connected and sent on the client side; the server may not even have accepted them yet.
    const closing = server.close();
    const answers = await Promise.all(sockets.map(readResponse));
    await closing;
    expect(answers.filter((answer) => !answer.startsWith('HTTP/1.1 200 '))).toEqual([]);
  });

  it('still ends the drain when connections stay open and idle', async () => {
    const idle = await openConnection(server);
    await expect(server.close()).resolves.toBeUndefined();
    await once(idle, 'close');
  });

  it('answers a call still running at the shutdown deadline with a tool error, not a hang-up', async () => {
    const short = await startEchoServer({ MCP_SHUTDOWN_TIMEOUT_MS: '200' });
    const socket = await openConnection(short);
    socket.write(toolCallRequest(short, 7, 10_000));
    const answer = readResponse(socket);
    await short.close();
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toContain('"isError":true');
    expect(text).toContain('the server is shutting down');
  });
});

async function startEchoServer(env: Record<string, string>): Promise<RunningMcpServer> {
  const previous = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'silent', MCP_PORT: '0', ECHO_TOKEN: 'token-for-drain-spec', ...env });
  return startMcpServer(echoApp, { handleSignals: false, defaultMetrics: false }).finally(() => {
    process.env = previous;
  });
}

/** A connection the server has accepted (so it counts as one of its idle connections). */
async function openConnection(server: RunningMcpServer): Promise<Socket> {
  const socket = connect(server.port, '127.0.0.1');
  socket.setEncoding('utf8');
  await once(socket, 'connect');
  // One request/response first, so the connection is an established keep-alive one.
  socket.write(rawRequest(server, 'GET', '/healthz', ''));
  await readResponse(socket);
  return socket;
}

function toolCallRequest(server: RunningMcpServer, index: number, delayMs = 100): string {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: index,
    method: 'tools/call',
    params: { name: 'echo', arguments: { message: `call ${index}`, delayMs } },
  });
  return rawRequest(server, 'POST', '/mcp', body, {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2025-06-18',
  });
}

function rawRequest(server: RunningMcpServer, method: string, path: string, body: string, headers: Record<string, string> = {}) {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Reads one whole response (Content-Length or chunked), or whatever came before the socket ended. */
function readResponse(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const done = () => {
      socket.off('data', onData);
      socket.off('close', done);
      socket.off('error', done);
      resolve(text);
    };
    const onData = (chunk: string) => {
      text += chunk;
      const headerEnd = text.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const head = text.slice(0, headerEnd);
      const length = /content-length: (\d+)/i.exec(head);
      const body = text.slice(headerEnd + 4);
      if (length ? Buffer.byteLength(body) >= Number(length[1]) : body.endsWith('0\r\n\r\n')) done();
    };
    socket.on('data', onData);
    socket.once('close', done);
    socket.once('error', done);
  });
}
