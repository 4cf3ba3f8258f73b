import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ToolError, defineMcpApp, envSecret, toolDefiner } from '../src';

/** A tiny app used by the base's own tests: one read tool, one write tool, one secret. */
interface EchoContext {
  prefix: string;
}
const defineEchoTool = toolDefiner<EchoContext>();

export const echoTool = defineEchoTool({
  name: 'echo',
  toolset: 'basics',
  title: 'Echo',
  description: 'Returns the message it is given.',
  input: z.object({ message: z.string().min(1), delayMs: z.number().int().min(0).optional() }),
  annotations: { readOnlyHint: true },
  handler: async ({ message, delayMs }, ctx) => {
    // Honour the call's signal, as every upstream request should.
    if (delayMs) await sleep(delayMs, undefined, { signal: ctx.signal });
    if (message === 'boom') throw new Error('kaboom with secret-token-123456');
    if (message === 'missing') throw ToolError.notFound('no such message');
    return { echoed: `${ctx.prefix}${message}` };
  },
});

export const writeTool = defineEchoTool({
  name: 'echo_write',
  toolset: 'writes',
  title: 'Write an echo',
  description: 'Pretends to write.',
  input: z.object({ message: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false },
  handler: async ({ message }) => ({ written: message }),
});

export const echoApp = defineMcpApp({
  manifest: {
    name: 'echo-mcp',
    title: 'Echo',
    description: 'Echo server for tests.',
    port: 9099,
    env: {
      ECHO_TOKEN: { description: 'Token of the echo upstream.', secret: true, required: true },
      ECHO_PREFIX: { description: 'Prefix of every echo.', default: '' },
    },
  },
  version: '1.0.0',
  tools: [echoTool, writeTool],
  config: z.object({ ECHO_TOKEN: envSecret(), ECHO_PREFIX: z.string().default('') }),
  createContext: (config) => ({ prefix: config.ECHO_PREFIX }),
});
