import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createRuntime } from '../src';
import { echoApp } from './echo-app';

it('spike', async () => {
  const runtime = await createRuntime(echoApp, { env: { ECHO_TOKEN: 'x', LOG_LEVEL: 'silent' }, defaultMetrics: false });
  const server = await runtime.serverFactory({ era: 'legacy' });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  const client = new Client({ name: 't', version: '1' });
  await client.connect(a);
  const tools = await client.listTools();
  console.log(JSON.stringify(tools, null, 1));
  console.log(JSON.stringify(await client.callTool({ name: 'echo', arguments: { message: 'hi' } })));
  console.log(JSON.stringify(await client.callTool({ name: 'echo', arguments: { message: 3 } })));
  console.log(JSON.stringify(await client.callTool({ name: 'echo', arguments: { message: 'boom' } })));
  await client.close();
});
