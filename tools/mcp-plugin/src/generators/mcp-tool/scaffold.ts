import type { Tree } from '@nx/devkit';
import { render } from 'ejs';
import { tsObject, tsString, tsText } from '../shared/source-text';
import { parseRoute, routeView, type RouteView } from './route';
import type { ToolNames } from './tool-names';

/**
 * Each server declares how its tools look: `apps/<app>/scaffold/tool.ts.ejs` (the tool file) and
 * `apps/<app>/scaffold/tool.spec.ts.ejs` (its behaviour spec), EJS templates in the app's own idiom.
 * The variables they get are documented in this generator's README.md.
 */
export const SCAFFOLD_TEMPLATES = { tool: 'scaffold/tool.ts.ejs', spec: 'scaffold/tool.spec.ts.ejs' } as const;

export interface ScaffoldInput extends ToolNames {
  toolset: string;
  title: string;
  description: string;
  readOnly: boolean;
  destructive: boolean;
  /** --route: the upstream call, for scaffolds that take one. */
  route?: string;
}

const SLACK_METHOD = /^[a-z]+(\.[a-zA-Z]+)+$/;

/** The tool file and its spec, rendered from the app's scaffold. */
export function renderScaffold(tree: Tree, appRoot: string, input: ScaffoldInput): { tool: string; spec: string } {
  let routeTaken = false;
  let parsed: RouteView | undefined;
  const context = {
    name: input.name,
    exportName: input.exportName,
    fileName: input.fileName,
    toolset: input.toolset,
    readOnly: input.readOnly,
    destructive: input.destructive,
    title: tsString(input.title),
    description: tsText(input.description, '    '),
    /** `{ readOnlyHint: …, destructiveHint: …, openWorldHint: … }` from the flags. */
    annotations: (openWorld = true) => annotationsSource(input, openWorld),
    /** The HTTP route of --route, else `fallback` ("GET /widgets/{id}"). */
    route: (fallback: string): RouteView => {
      routeTaken = true;
      parsed ??= routeView(parseRoute(input.route ?? fallback));
      return parsed;
    },
    /** A Web API method name from --route (Slack: "conversations.info"), else `fallback`. */
    apiMethod: (fallback: string): string => {
      routeTaken = true;
      const method = input.route ?? fallback;
      if (!SLACK_METHOD.test(method)) throw new Error(`--route "${method}" must be an API method name such as conversations.info`);
      return method;
    },
    tsString,
    tsObject,
  };
  const files = {
    tool: renderTemplate(tree, `${appRoot}/${SCAFFOLD_TEMPLATES.tool}`, context),
    spec: renderTemplate(tree, `${appRoot}/${SCAFFOLD_TEMPLATES.spec}`, context),
  };
  if (input.route !== undefined && !routeTaken) {
    throw new Error(`--route: ${appRoot}/scaffold takes no route; leave it out and shape the generated call by hand`);
  }
  return files;
}

function renderTemplate(tree: Tree, file: string, context: Record<string, unknown>): string {
  const template = tree.read(file, 'utf8');
  if (template === null) {
    throw new Error(
      `${file} is missing: each server declares how its tools look in scaffold/ ` +
        '(see tools/mcp-plugin/src/generators/mcp-tool/README.md)',
    );
  }
  return render(template, context, { filename: file });
}

function annotationsSource(input: ScaffoldInput, openWorld: boolean): string {
  const destructive = input.readOnly ? '' : ` destructiveHint: ${input.destructive},`;
  return `{ readOnlyHint: ${input.readOnly},${destructive} openWorldHint: ${openWorld} }`;
}
