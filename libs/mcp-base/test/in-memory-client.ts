import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { DestinationStream } from 'pino';
import { createRuntime, type McpAppDefinition } from '../src';

/**
 * The base's own tests cannot use @sophia/mcp-testing (it depends on this lib), so
 * they connect the SDK client by hand, the same way that helper does.
 */
export async function connect<C, X>(
  app: McpAppDefinition<C, X>,
  env: Record<string, string>,
  logDestination?: DestinationStream,
) {
  const runtime = await createRuntime(app, {
    env: { LOG_LEVEL: logDestination ? 'info' : 'silent', ...env },
    defaultMetrics: false,
    logDestination,
  });
  const server = await runtime.serverFactory({ era: 'legacy' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'mcp-base-test', version: '1.0.0' });
  await client.connect(clientSide);
  const textOf = (result: unknown) =>
    ((result as { content: Array<{ text: string }> }).content ?? []).map((block) => block.text).join('\n');
  return { client, runtime, textOf, close: () => client.close() };
}
