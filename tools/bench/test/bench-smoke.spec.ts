/**
 * Smoke test of `npm run bench`: the script runs end to end on a short setting and prints a
 * well-formed table with a row for every requested server. It never asserts speed: the numbers
 * are measured by the benchmark and read by people (docs/benchmarks.md).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = 'tools/bench/src/cli.mjs';
const run = promisify(execFile);

async function bench(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 50_000, maxBuffer: 8 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const cells = (line: string): string[] => line.split('|').slice(1, -1).map((cell) => cell.trim());

describe('npm run bench', () => {
  it('prints one table row per requested server, every cell a number, a dash or an idle → loaded pair', async () => {
    const result = await bench(['--servers', 'raw,mcp-base', '--rounds', '1', '--duration', '1', '--warmup', '0', '--connections', '1,2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const lines = result.stdout.split('\n');
    const headerAt = lines.findIndex((line) => line.startsWith('| server'));
    expect(headerAt).toBeGreaterThan(-1);
    const header = cells(lines[headerAt] ?? '');
    expect(header).toEqual([
      'server',
      'req/s @1',
      'p50 ms @1',
      'req/s @2',
      'p50 ms @2',
      'p99 ms @2',
      '× sdk-v2 @2',
      'upstream ms @1',
      'overhead ms @1',
      'first call ms',
      'RSS idle → @2 MB',
      'errors',
    ]);
    expect(lines[headerAt + 1]).toMatch(/^\|-+\|(-+:\|)+$/);
    const rows = lines.slice(headerAt + 2).filter((line) => line.startsWith('|'));
    expect(rows.map((line) => cells(line)[0]?.split(':')[0])).toEqual(['raw', 'mcp-base']);
    for (const row of rows) {
      const [, ...values] = cells(row);
      expect(values).toHaveLength(header.length - 1);
      for (const value of values) expect(value).toMatch(/^(—|[\d,]+(\.\d+)?|\d+ → \d+)$/);
      expect(values[values.length - 1]).toBe('0');
    }
    // No SDK v2 row asked for: no ratio; echo rows have no upstream.
    for (const row of rows) expect(cells(row).slice(6, 9)).toEqual(['—', '—', '—']);
  });

  it('refuses an unknown row, naming the known ones, with exit code 2', async () => {
    const result = await bench(['--servers', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--servers: unknown row "nope" (rows: raw, sdk-v1, fastmcp, tmcp, sdk-v2, mcp-base, github-mcp');
  });

  it('--help lists every option', async () => {
    const result = await bench(['--help']);
    expect(result.code).toBe(0);
    for (const option of ['--rounds', '--duration', '--warmup', '--connections', '--servers', '--build', '--cpu-prof']) {
      expect(result.stdout).toContain(option);
    }
  });
});
