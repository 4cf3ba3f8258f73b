import { spawnSync } from 'node:child_process';
import { logger, type GeneratorCallback } from '@nx/devkit';

export const SYNC_COMMAND = 'npx nx sync';

/**
 * After a generator writes its files, `nx sync` regenerates what derives from them (README
 * tool tables, the root port table, .cursor/mcp.json). The files are already written, so a
 * failing sync must not fail the generator: it only warns with the command to run.
 */
export function syncAfterGenerate(workspaceRoot: string, command = SYNC_COMMAND): GeneratorCallback {
  return () => {
    const [program, ...args] = command.split(' ');
    const result = spawnSync(program, args, { cwd: workspaceRoot, stdio: 'inherit', env: process.env });
    if (result.status !== 0) {
      logger.warn(`Could not update the derived files (README tables, .cursor/mcp.json): run \`${command}\` yourself.`);
    }
  };
}
