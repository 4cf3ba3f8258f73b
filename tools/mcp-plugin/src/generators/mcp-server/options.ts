import { names, type Tree } from '@nx/devkit';
import { choosePort } from './ports';
import type { McpServerOptions } from './schema';

/** Everything the templates need, derived once from the options and the workspace. */
export interface ServerFacts {
  /** jira */
  serviceName: string;
  /** jira-mcp: the Nx project, the directory, the manifest name */
  appName: string;
  root: string;
  /** Jira: types (JiraContext) and the tool definer (defineJiraTool) */
  className: string;
  /** jira: values (jiraApp, jiraTools, jiraConfigSchema) */
  propertyName: string;
  appExport: string;
  title: string;
  description: string;
  port: number;
  secret: string;
  urlEnv: string;
  apiUrl: string;
  zodVersion: string;
}

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

export function serverFacts(tree: Tree, options: McpServerOptions): ServerFacts {
  const serviceName = options.name.trim().replace(/-mcp$/, '');
  if (!KEBAB_CASE.test(serviceName)) {
    throw new Error(`--name "${options.name}" must be kebab-case, e.g. jira or lambda-labs (a trailing -mcp is optional)`);
  }
  const appName = `${serviceName}-mcp`;
  const root = `apps/${appName}`;
  if (tree.exists(root)) throw new Error(`${root} already exists; pick another --name or remove it first`);

  const { className, propertyName, constantName } = names(serviceName);
  const secret = options.secret ?? `${constantName}_TOKEN`;
  if (!ENV_NAME.test(secret)) throw new Error(`--secret "${secret}" must be an env var name such as ${constantName}_TOKEN`);
  const apiUrl = options.apiUrl ?? `https://api.${serviceName}.com`;
  if (!/^https?:\/\/[^/\s]+/.test(apiUrl) || !URL.canParse(apiUrl)) {
    throw new Error(`--apiUrl "${apiUrl}" must be an http(s) URL such as https://api.${serviceName}.com`);
  }
  const title = options.title ?? titleCase(serviceName);
  return {
    serviceName,
    appName,
    root,
    className,
    propertyName,
    appExport: `${propertyName}App`,
    title,
    description: options.description ?? `${title} through its REST API.`,
    port: choosePort(tree, appName, options.port),
    secret,
    urlEnv: `${constantName}_API_URL`,
    apiUrl,
    zodVersion: workspaceZodVersion(tree),
  };
}

/** lambda-labs -> "Lambda Labs" */
function titleCase(kebab: string): string {
  return kebab
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The app's zod must be the one mcp-base's types are built on, or schemas stop type-checking. */
function workspaceZodVersion(tree: Tree): string {
  const file = 'libs/mcp-base/package.json';
  const text = tree.read(file, 'utf8');
  const version = text ? (JSON.parse(text) as { dependencies?: Record<string, string> }).dependencies?.['zod'] : undefined;
  if (!version) throw new Error(`${file} must list zod: new servers take the same version`);
  return version;
}
