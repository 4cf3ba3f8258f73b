import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { addTool } from '../mcp-tool/generator';
import { SCAFFOLD_TEMPLATES } from '../mcp-tool/scaffold';
import { tsObject, tsString } from '../shared/source-text';
import { syncAfterGenerate } from '../shared/sync-callback';
import { serverFacts, type ServerFacts } from './options';
import type { McpServerOptions } from './schema';

/**
 * The example tool every new server starts with: read-only, so the server is useful and safe at once.
 * Its committed schema snapshot (files/test/__toolsnaps__) must match what the scaffold makes of it.
 */
const EXAMPLE_TOOL = {
  name: 'get_item',
  toolset: 'items',
  route: 'GET /items/{id}',
  mswPath: '/items/:id',
  title: 'Get an item',
  call: { name: 'get_item', arguments: { id: 'id-1' } },
};

/** `nx g ./tools/mcp-plugin:mcp-server --name=jira`: a new server app in the shape of github-mcp. */
export default async function mcpServerGenerator(tree: Tree, options: McpServerOptions): Promise<GeneratorCallback> {
  const facts = serverFacts(tree, options);
  const exampleDescription =
    `Reads one item by id from the ${facts.title} API and returns its JSON unchanged. ` +
    'An example from the generator: point it at a real endpoint or replace it.';
  generateFiles(tree, join(__dirname, 'files'), facts.root, {
    ...facts,
    tmpl: '',
    exampleTool: EXAMPLE_TOOL.name,
    exampleMswPath: EXAMPLE_TOOL.mswPath,
    exampleTitle: EXAMPLE_TOOL.title,
    exampleDescription,
    sampleCall: tsObject(EXAMPLE_TOOL.call),
    tsString,
  });
  writeScaffold(tree, facts);
  // The example goes through the mcp-tool generator and the new app's own scaffold, like every later tool.
  addTool(tree, {
    project: facts.appName,
    name: EXAMPLE_TOOL.name,
    toolset: EXAMPLE_TOOL.toolset,
    readOnly: true,
    route: EXAMPLE_TOOL.route,
    title: EXAMPLE_TOOL.title,
    description: exampleDescription,
  });
  const sync = syncAfterGenerate(tree.root);
  return async () => {
    await sync();
    // The new workspace package is not in package-lock.json until npm sees it (npm ci would refuse).
    logger.info(`Next: run \`npm install\` to record @sophia/${facts.appName} in package-lock.json, then write its tools.`);
  };
}

/**
 * The new app's own tool scaffold (EJS, rendered later by mcp-tool), copied with the app's names
 * filled in. Not rendered here: it is a template for every later tool.
 */
function writeScaffold(tree: Tree, facts: ServerFacts): void {
  for (const file of Object.values(SCAFFOLD_TEMPLATES)) {
    const template = readFileSync(join(__dirname, file), 'utf8');
    tree.write(
      `${facts.root}/${file}`,
      template.replaceAll('__className__', facts.className).replaceAll('__appName__', facts.appName),
    );
  }
}
