// @ts-check
// What every delivery script shares: argument parsing, progress output, and running (or, with
// --dry-run, only printing) external commands exactly as they would run.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

/** A failure the user can act on: printed without a stack, exit code 1. */
export class DeliveryError extends Error {}

/**
 * @param {string[]} argv
 * @param {string} usage printed for --help
 * @param {Record<string, { type: 'string' | 'boolean' }>} [extra] script-specific options
 */
export function parseCli(argv, usage, extra = {}) {
  const { values } = parseArgs({
    args: argv,
    options: { app: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...extra },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  const app = values.app;
  if (typeof app !== 'string' || !/^[a-z][a-z0-9-]*-mcp$/.test(app)) {
    throw new DeliveryError(`--app <name>-mcp is required (got ${JSON.stringify(app ?? null)}); see --help`);
  }
  /** @type {Record<string, string | boolean | undefined>} */
  const options = values;
  return { app, dryRun: values['dry-run'] === true, values: options };
}

/** One progress line on stderr, so stdout stays the manifest / result. */
export const step = (/** @type {string} */ message) => process.stderr.write(`» ${message}\n`);

const quote = (/** @type {string} */ arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The command line as a shell would take it: what --dry-run prints and what runs. */
export const commandLine = (/** @type {string[]} */ command) => command.map(quote).join(' ');

/**
 * Runs a command with the output streaming through, or with --dry-run only prints it.
 * @param {string[]} command
 * @param {{ dryRun: boolean, input?: string, inputLabel?: string, cwd?: string }} options
 *   inputLabel: what --dry-run prints for the input (default: the manifest above)
 * @returns {boolean} whether it succeeded (always true in a dry run)
 */
export function run(command, { dryRun, input, inputLabel = 'the manifest above', cwd }) {
  process.stdout.write(`$ ${commandLine(command)}${input === undefined ? '' : ` <<< (${inputLabel})`}\n`);
  if (dryRun) return true;
  const [file, ...args] = command;
  const result = spawnSync(/** @type {string} */ (file), args, {
    cwd,
    input,
    stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'],
  });
  if (result.error) throw new DeliveryError(`${file} could not be started: ${result.error.message}`);
  return result.status === 0;
}

/** Runs a command that must succeed and returns its stdout (used for reads, also in dry runs). */
export function capture(/** @type {string[]} */ command, /** @type {{ cwd?: string }} */ { cwd } = {}) {
  const [file, ...args] = command;
  const result = spawnSync(/** @type {string} */ (file), args, { cwd, encoding: 'utf8' });
  if (result.error) throw new DeliveryError(`${file} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new DeliveryError(`${commandLine(command)} failed:\n${result.stderr.trim()}`);
  return result.stdout;
}

/** Runs `main`, turning a DeliveryError into one line on stderr and exit code 1. */
export async function runMain(/** @type {() => Promise<void> | void} */ main) {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof DeliveryError)) throw error;
    process.stderr.write(`✖ ${error.message}\n`);
    process.exitCode = 1;
  }
}
