import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diff } from 'jest-diff';

/**
 * Tool schemas are public API: each tool's listing (name, description, annotations,
 * schemas) is committed as `__toolsnaps__/<tool>.json`. A change fails the test until
 * it is accepted with UPDATE_TOOLSNAPS=true; in CI a missing snapshot fails too.
 */
export interface ToolSnapshotResult {
  tool: string;
  problem?: string;
}

export function checkToolSnapshots(
  directory: string,
  tools: ReadonlyArray<{ name: string } & Record<string, unknown>>,
): ToolSnapshotResult[] {
  const update = process.env['UPDATE_TOOLSNAPS'] === 'true';
  const inCi = process.env['CI'] === 'true';
  mkdirSync(directory, { recursive: true });
  const results: ToolSnapshotResult[] = tools.map((tool) => {
    const file = join(directory, `${tool.name}.json`);
    const current = `${JSON.stringify(tool, null, 2)}\n`;
    if (!existsSync(file)) {
      if (inCi && !update) return { tool: tool.name, problem: `missing snapshot ${file} (run the tests locally and commit it)` };
      writeFileSync(file, current);
      return { tool: tool.name };
    }
    if (readFileSync(file, 'utf8') === current) return { tool: tool.name };
    if (update) {
      writeFileSync(file, current);
      return { tool: tool.name };
    }
    return {
      tool: tool.name,
      problem:
        `schema of ${tool.name} differs from ${file}; if intended, rerun with UPDATE_TOOLSNAPS=true and commit\n` +
        lineDiff(readFileSync(file, 'utf8'), current),
    };
  });
  const names = new Set(tools.map((tool) => tool.name));
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
    const tool = file.slice(0, -'.json'.length);
    if (!names.has(tool)) results.push({ tool, problem: `stale snapshot ${file}: no such tool any more; delete it` });
  }
  return results;
}

const plain = (text: string) => text;

/** The changed lines with a little context, `-` committed and `+` served, without colours (CI logs). */
function lineDiff(committed: string, served: string): string {
  return (
    diff(committed, served, {
      aAnnotation: 'committed snapshot',
      bAnnotation: 'served now',
      expand: false,
      contextLines: 2,
      aColor: plain,
      bColor: plain,
      changeColor: plain,
      commonColor: plain,
      patchColor: plain,
    }) ?? ''
  );
}
