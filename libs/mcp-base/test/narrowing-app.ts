import { z } from 'zod';
import { defineMcpApp, envSecret, toolDefiner } from '../src';
import { echoApp, echoTool, writeTool } from './echo-app';

/**
 * The echo app with more toolsets, for the narrowing specs: basics (echo, read), writes
 * (echo_write), notes (list_notes, read; delete_note, destructive) and ci (ci_logs, read, only
 * served when ECHO_CI is set). Its manifest serves basics and notes by default.
 */
const defineTool = toolDefiner<{ prefix: string }, { ECHO_CI?: string }>();

const listNotes = defineTool({
  name: 'list_notes',
  toolset: 'notes',
  title: 'List notes',
  description: 'Lists the notes there are.',
  input: z.object({}),
  annotations: { readOnlyHint: true },
  handler: async () => ({ notes: ['a', 'b'] }),
});

const deleteNote = defineTool({
  name: 'delete_note',
  toolset: 'notes',
  title: 'Delete a note',
  description: 'Deletes one note for good.',
  input: z.object({ id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: true },
  handler: async ({ id }) => ({ deleted: id }),
});

const ciLogs = defineTool({
  name: 'ci_logs',
  toolset: 'ci',
  title: 'CI logs',
  description: 'Returns the tail of a CI log.',
  input: z.object({}),
  annotations: { readOnlyHint: true },
  enabled: (config) => Boolean(config.ECHO_CI),
  handler: async () => ({ tail: 'ok' }),
});

export const narrowingApp = defineMcpApp({
  version: echoApp.version,
  manifest: {
    ...(echoApp.manifest as object),
    env: { ...(echoApp.manifest as { env: object }).env, ECHO_CI: { description: 'Serve the ci toolset.' } },
    tools: { defaultToolsets: ['basics', 'notes'] },
  },
  tools: [echoTool, writeTool, listNotes, deleteNote, ciLogs],
  config: z.object({ ECHO_TOKEN: envSecret(), ECHO_PREFIX: z.string().default(''), ECHO_CI: envSecret() }),
  createContext: (config) => ({ prefix: config.ECHO_PREFIX }),
});

/** Every tool the app can serve, in its order. */
export const ALL_TOOLS = ['echo', 'echo_write', 'list_notes', 'delete_note', 'ci_logs'];
