import { join } from 'node:path';
import { generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { addTool } from '../mcp-tool/generator';
import { mswPath, parseRoute } from '../mcp-tool/route';
import { tsObject, tsString } from '../shared/source-text';
import { syncAfterGenerate } from '../shared/sync-callback';
import { serverFacts } from './options';
import type { McpServerOptions } from './schema';

/** The example tool every new server starts with: read-only, so the server is useful and safe at once. */
const EXAMPLE_TOOL = {
  name: 'item_get',
  toolset: 'items',
  route: 'GET /items/{id}',
  title: 'Get an item',
  call: { name: 'item_get', arguments: { id: 'id-1' } },
};

/** `nx g ./tools/mcp-plugin:mcp-server --name=jira`: a new server app in the shape of github-mcp. */
export default async function mcpServerGenerator(tree: Tree, options: McpServerOptions): Promise<GeneratorCallback> {
  const facts = serverFacts(tree, options);
  generateFiles(tree, join(__dirname, 'files'), facts.root, {
    ...facts,
    tmpl: '',
    exampleTool: EXAMPLE_TOOL.name,
    exampleMswPath: mswPath(parseRoute(EXAMPLE_TOOL.route).path),
    sampleCall: tsObject(EXAMPLE_TOOL.call),
    tsString,
  });
  // The example goes through the mcp-tool generator, so both generators stay one piece of code.
  addTool(tree, {
    project: facts.appName,
    name: EXAMPLE_TOOL.name,
    toolset: EXAMPLE_TOOL.toolset,
    route: EXAMPLE_TOOL.route,
    title: EXAMPLE_TOOL.title,
    description:
      `Reads one item by id from the ${facts.title} API and returns its JSON unchanged. ` +
      'An example from the generator: point it at a real endpoint or replace it.',
  });
  const sync = syncAfterGenerate(tree.root);
  return async () => {
    await sync();
    // The new workspace package is not in package-lock.json until npm sees it (npm ci would refuse).
    logger.info(`Next: run \`npm install\` to record @sophia/${facts.appName} in package-lock.json, then write its tools.`);
  };
}
