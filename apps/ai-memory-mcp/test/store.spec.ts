import { resultError, toolCaller } from '@sophia/mcp-testing';
import { aiMemoryApp } from '../src/app';

// Migrations and behaviour on both engines: pglite.spec.ts and real-postgres.spec.ts (memory-suite.ts).

describe('store failures', () => {
  it('an unreachable PostgreSQL is an upstream_error that names DATABASE_URL and not its password', async () => {
    const callTool = toolCaller(aiMemoryApp, { DATABASE_URL: 'postgres://memory:s3cret-pw@127.0.0.1:1/memory' });
    const message = resultError(await callTool('list_memories', { user_id: 'u' }));
    expect(message).toMatch(/^upstream_error: could not open the memory store: could not reach PostgreSQL \(DATABASE_URL\): ECONNREFUSED/);
    expect(message).not.toContain('s3cret-pw');
  });

  it('a data directory that cannot be created fails the calls, not the server', async () => {
    const callTool = toolCaller(aiMemoryApp, { AI_MEMORY_DATA_DIR: '/proc/ai-memory-cannot-exist' });
    const result = await callTool('list_memories', { user_id: 'u' });
    expect(resultError(result)).toMatch(/^upstream_error: could not open the memory store: PGlite \(AI_MEMORY_DATA_DIR\): /);
    // The failure is not cached: a later call tries again (and here fails again the same way).
    const again = await callTool('get_memory', { user_id: 'u', id: '00000000-0000-4000-8000-000000000000' });
    expect(resultError(again)).toMatch(/^upstream_error: could not open the memory store/);
  });
});
