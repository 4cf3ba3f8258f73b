import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkToolSnapshots } from '../src';

const tool = { name: 'echo', description: 'Echoes.', inputSchema: { type: 'object' } };

describe('checkToolSnapshots', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('writes a missing snapshot locally, and accepts it next time', () => {
    delete process.env['CI'];
    const dir = mkdtempSync(join(tmpdir(), 'toolsnaps-'));
    expect(checkToolSnapshots(dir, [tool])).toEqual([{ tool: 'echo' }]);
    expect(JSON.parse(readFileSync(join(dir, 'echo.json'), 'utf8'))).toEqual(tool);
    expect(checkToolSnapshots(dir, [tool])).toEqual([{ tool: 'echo' }]);
  });

  it('fails a missing snapshot in CI', () => {
    process.env['CI'] = 'true';
    const dir = mkdtempSync(join(tmpdir(), 'toolsnaps-'));
    expect(checkToolSnapshots(dir, [tool])[0]?.problem).toMatch(/^missing snapshot/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails a changed schema until UPDATE_TOOLSNAPS=true accepts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolsnaps-'));
    writeFileSync(join(dir, 'echo.json'), `${JSON.stringify({ ...tool, description: 'old' }, null, 2)}\n`);
    const problem = checkToolSnapshots(dir, [tool])[0]?.problem ?? '';
    expect(problem).toMatch(/differs from .*UPDATE_TOOLSNAPS=true/);
    // A readable line diff: the changed line on both sides with a little context, no colour codes.
    expect(problem).toContain('  "name": "echo",\n-   "description": "old",\n+   "description": "Echoes.",\n');
    expect(problem).not.toContain('\u001b');
    process.env['UPDATE_TOOLSNAPS'] = 'true';
    expect(checkToolSnapshots(dir, [tool])).toEqual([{ tool: 'echo' }]);
    expect(JSON.parse(readFileSync(join(dir, 'echo.json'), 'utf8')).description).toBe('Echoes.');
  });

  it('flags the snapshot of a tool that no longer exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'toolsnaps-'));
    writeFileSync(join(dir, 'gone.json'), '{}\n');
    expect(checkToolSnapshots(dir, [])).toEqual([
      { tool: 'gone', problem: 'stale snapshot gone.json: no such tool any more; delete it' },
    ]);
  });
});
