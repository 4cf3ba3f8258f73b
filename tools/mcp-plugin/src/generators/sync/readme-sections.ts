import { documentedDefault, type ServerManifest } from '@sophia/mcp-manifest';
import { markdownTable } from './markers';

const code = (text: string) => `\`${text}\``;

/** When a variable must be set: always, as part of a credential alternative, or never. */
function neededWhen(manifest: ServerManifest, name: string): string {
  if (manifest.env[name]?.required) return 'required';
  const groups = manifest.credentials.filter((group) => group.env.includes(name)).map((group) => group.name);
  return groups.length ? `one of the credentials: ${groups.join(', ')}` : 'optional';
}

/** The default as documented, and the value the k3s overlay sets for the storage path. */
function defaultCell(manifest: ServerManifest, name: string): string {
  const documented = documentedDefault(manifest, name);
  const storage = manifest.deployment.storage;
  const cells = [documented === undefined ? '—' : code(documented)];
  if (storage?.env === name) cells.push(`(K3s: ${code(storage.value)} on a volume)`);
  return cells.join(' ');
}

/** An app README's configuration table: every variable of the manifest's `env`, in declaration order. */
export function configurationTable(manifest: ServerManifest): string {
  const rows = Object.entries(manifest.env).map(([name, entry]) => [
    code(name),
    entry.secret ? 'yes' : 'no',
    neededWhen(manifest, name),
    defaultCell(manifest, name),
    entry.description,
  ]);
  if (rows.length === 0) return 'This server reads no settings of its own.';
  return markdownTable(['variable', 'secret', 'needed', 'default', 'description'], rows);
}

/** The one "add a tool" section, the same in every app README but for the project name. */
export function addToolSection(app: string): string {
  return [
    'Add a tool that only reads with the command below (`--no-read-only` for a write, plus `--destructive` when it',
    'destroys data or costs money):',
    '',
    '```sh',
    `npx nx g ./tools/mcp-plugin:mcp-tool --project=${app} --name=<verb_noun> --toolset=<toolset> --read-only`,
    '```',
    '',
    "It writes the tool and its behaviour spec from this app's `scaffold/`, lists the tool in `src/tools/index.ts`",
    'and updates the tool table above. Fill in the handler and the spec against the fake upstream, then run the',
    'tests once to write its `__toolsnaps__` file; review and commit it.',
  ].join('\n');
}
