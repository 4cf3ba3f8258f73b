// `npm start`: run the local fleet of MCP servers. See HELP in ./options for the options.
import { readManifests } from '../read-manifests';
import { assertBundlesExist, buildBundles } from './bundles';
import { CliError } from './cli-error';
import { HELP, parseFleetOptions } from './options';
import { assertPortsFree } from './port-check';
import { runFleet } from './run-fleet';
import { selectServers } from './select-servers';

async function main(argv: readonly string[]): Promise<number> {
  const options = parseFleetOptions(argv);
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const servers = selectServers(readManifests(options.root), options.names);
  // The servers bind where mcp-base does (MCP_HOST, loopback by default); check the same address.
  const bindHost = process.env['MCP_HOST'] || '127.0.0.1';
  await assertPortsFree(servers, bindHost); // fail before a possibly long build
  if (options.build) {
    await buildBundles(options.root, servers);
    await assertPortsFree(servers, bindHost); // the build took a while: check again
  } else {
    assertBundlesExist(options.root, servers);
  }
  return runFleet(servers, { root: options.root, bindHost, env: process.env });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`npm start: ${message}\n`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  },
);
