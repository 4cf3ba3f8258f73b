import { McpServer, type McpServerFactory } from '@modelcontextprotocol/server';
import type { ServerManifest } from '@sophia/mcp-manifest';
import { callerOf } from '../identity/caller';
import type { ToolDefinition } from '../tools/define-tool';
import type { ToolRunner } from '../tools/run-tool';
import { calledToolOf } from './called-tool';
import { schemaForSdk } from './sdk-schema';

export interface PreparedTool {
  definition: ToolDefinition<unknown>;
  run: ToolRunner;
}

/**
 * The per-request server factory (stateless serving builds a fresh McpServer for every
 * HTTP request). Everything expensive — schemas, wrapped handlers — is prepared once,
 * outside, so a factory call only registers ready-made pieces: those `toolsFor` picks for
 * the request's headers (its narrowing; a tool left out is unknown to tools/call too).
 */
export function createServerFactory(
  manifest: ServerManifest,
  version: string,
  tools: readonly PreparedTool[],
  toolsFor: (headers: Headers | undefined) => ReadonlyArray<{ name: string }>,
): McpServerFactory {
  const registrations = tools.map(({ definition, run }) => ({
    name: definition.name,
    config: {
      title: definition.title,
      description: definition.description,
      inputSchema: schemaForSdk(definition.input, { validate: false }),
      outputSchema: definition.output ? schemaForSdk(definition.output, { validate: true }) : undefined,
      annotations: { title: definition.title, ...definition.annotations },
    },
    run,
  }));
  const byName = new Map(registrations.map((registration) => [registration.name, registration]));
  return (ctx) => {
    const server = new McpServer(
      { name: manifest.name, title: manifest.title, version },
      { capabilities: { tools: {} }, instructions: manifest.description },
    );
    const served = toolsFor(ctx?.requestInfo?.headers);
    // A tools/call needs only the tool it names. Anything else, or a call of a tool not served
    // (which the SDK must answer as unknown, just as with every tool registered), gets them all.
    const called = calledToolOf(ctx?.requestInfo);
    const needed = called !== undefined && served.some((tool) => tool.name === called) ? [{ name: called }] : served;
    for (const tool of needed) {
      const { name, config, run } = byName.get(tool.name) as (typeof registrations)[number];
      server.registerTool(name, config, (args: unknown, call) => run(args, call.mcpReq.signal, callerOf(call)));
    }
    return server;
  };
}
