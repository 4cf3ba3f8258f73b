import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { parse, parseAllDocuments } from 'yaml';
import syncGenerator from '../src/generators/sync/generator';
import { addToolSection } from '../src/generators/sync/readme-sections';
import { toolTable } from '../src/generators/sync/tool-metadata';

const WORKSPACE = join(__dirname, '..', '..', '..');

/** A manifest with a required secret; tests swap in richer ones. */
const demoManifest = (app: string, port: number): object => ({
  name: app,
  title: app.toUpperCase(),
  description: `${app} server.`,
  port,
  env: { DEMO_TOKEN: { description: 'Demo token.', secret: true, required: true } },
});

/** Every generated section of an app README, around a hand-written line that must survive. */
const appReadme = (app: string) =>
  [`# ${app}`, '', '<!-- configuration:start -->', '<!-- configuration:end -->', '', 'hand-written', '', '<!-- tools:start -->', 'old', '<!-- tools:end -->', '', '<!-- add-tool:start -->', '<!-- add-tool:end -->', ''].join('\n');

/** A workspace on disk with real tool definitions (and the real k3s base), so the sync runs as `nx sync` would. */
function workspace(apps: Record<string, { port: number; tools: string; manifest?: object }>): string {
  const root = mkdtempSync(join(tmpdir(), 'mcp-sync-'));
  symlinkSync(join(WORKSPACE, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(WORKSPACE, 'k3s', 'base'), join(root, 'k3s', 'base'), { recursive: true });
  cpSync(join(WORKSPACE, 'k3s', 'components'), join(root, 'k3s', 'components'), { recursive: true });
  writeFileSync(join(root, 'README.md'), '# Fleet\n\n<!-- servers:start -->\n<!-- servers:end -->\n\nhand-written tail\n');
  for (const [app, { port, tools, manifest }] of Object.entries(apps)) {
    mkdirSync(join(root, 'apps', app, 'src', 'tools'), { recursive: true });
    writeFileSync(join(root, 'apps', app, 'mcp-server.json'), JSON.stringify(manifest ?? demoManifest(app, port)));
    writeFileSync(join(root, 'apps', app, 'README.md'), appReadme(app));
    writeFileSync(join(root, 'apps', app, 'src', 'tools', 'index.ts'), tools);
  }
  return root;
}

/** An embedded-store server with credential alternatives: every derived piece of an overlay in one manifest. */
const storeManifest = {
  name: 'store-mcp',
  title: 'Store',
  description: 'A store.',
  port: 9031,
  env: {
    STORE_ACCOUNT: { description: 'Account.', required: true, esc: true },
    STORE_USER: { description: 'User of the key.', esc: true },
    STORE_KEY: { description: 'Private key.', secret: true },
    STORE_TOKEN: { description: 'Token.', secret: true },
    DATABASE_URL: { description: 'PostgreSQL URL; unset uses the embedded store.', secret: true },
    STORE_DATA_DIR: { description: 'Embedded store directory.', default: './data' },
    STORE_PAGE_SIZE: { description: 'Rows per page.', default: '100' },
  },
  credentials: [
    { name: 'key pair', env: ['STORE_USER', 'STORE_KEY'] },
    { name: 'token', env: ['STORE_TOKEN'] },
  ],
  deployment: {
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    storage: { size: '3Gi', mountPath: '/var/store', env: 'STORE_DATA_DIR', value: '/var/store/db' },
    egressPorts: [5432, 6543],
    replicas: 1,
    autoscale: false,
  },
};

const demoTools = `
import { defineTool } from '@sophia/mcp-base';
import { z } from 'zod';
const read = defineTool({
  name: 'widget_get', toolset: 'widgets', title: 'Get a widget',
  description: 'Reads one widget (e.g. \\'w-1\\'). Returns its fields.',
  input: z.object({ id: z.string() }), annotations: { readOnlyHint: true },
  handler: async ({ id }) => ({ id }),
});
const write = defineTool({
  name: 'widget_delete', toolset: 'widgets', title: 'Delete a widget', description: 'Deletes | removes one widget.',
  input: z.object({ id: z.string() }), annotations: { readOnlyHint: false, destructiveHint: true },
  handler: async ({ id }) => ({ id }),
});
export const demoTools = [read, write];
`;

async function sync(root: string) {
  const tree = new FsTree(root, false);
  const result = await syncGenerator(tree);
  flushChanges(root, tree.listChanges());
  return result;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type K8sObject = { kind: string; metadata: { name: string }; spec: any };

/** `kubectl kustomize` of a generated overlay against the real base and components. */
const render = (root: string, app: string): K8sObject[] =>
  parseAllDocuments(execFileSync('kubectl', ['kustomize', join(root, 'k3s/overlays', app)], { encoding: 'utf8' })).map(
    (document) => document.toJS() as K8sObject,
  );
const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const containerEnv = (objects: K8sObject[]): Record<string, { name: string; value?: string; valueFrom?: object }> =>
  Object.fromEntries((ofKind(objects, 'Deployment')[0]?.spec.template.spec.containers[0].env ?? []).map((entry: { name: string }) => [entry.name, entry]));

describe('the sync generator', () => {
  it('derives .cursor/mcp.json, the port table and each tool table, then reports nothing stale', async () => {
    const root = workspace({ 'zeta-mcp': { port: 9022, tools: demoTools }, 'alpha-mcp': { port: 9021, tools: demoTools } });
    const first = await sync(root);
    expect(first?.outOfSyncDetails?.sort()).toEqual([
      '.cursor/mcp.json',
      'README.md',
      'apps/alpha-mcp/README.md',
      'apps/zeta-mcp/README.md',
      'k3s/overlays/alpha-mcp/kustomization.yaml',
      'k3s/overlays/zeta-mcp/kustomization.yaml',
    ]);

    expect(JSON.parse(readFileSync(join(root, '.cursor/mcp.json'), 'utf8'))).toEqual({
      mcpServers: {
        alpha: { url: 'http://127.0.0.1:9021/mcp', headers: { Authorization: 'Bearer ${env:MCP_AUTH_TOKEN}' } },
        zeta: { url: 'http://127.0.0.1:9022/mcp', headers: { Authorization: 'Bearer ${env:MCP_AUTH_TOKEN}' } },
      },
    });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('| `alpha-mcp` | 9021 | ALPHA-MCP | `DEMO_TOKEN` | [README](apps/alpha-mcp/README.md) |');
    expect(readme.indexOf('alpha-mcp')).toBeLessThan(readme.indexOf('zeta-mcp'));
    expect(readme).toContain('hand-written tail');
    expect(readFileSync(join(root, 'apps/alpha-mcp/README.md'), 'utf8')).toBe(
      [
        '# alpha-mcp',
        '',
        '<!-- configuration:start -->',
        '| variable | secret | needed | default | description |',
        '| --- | --- | --- | --- | --- |',
        '| `DEMO_TOKEN` | yes | required | — | Demo token. |',
        '<!-- configuration:end -->',
        '',
        'hand-written',
        '',
        '<!-- tools:start -->',
        '| name | toolset | read-only | description |',
        '| --- | --- | --- | --- |',
        "| `widget_get` | widgets | yes | Reads one widget (e.g. 'w-1'). |",
        '| `widget_delete` | widgets | no | Deletes \\| removes one widget. |',
        '<!-- tools:end -->',
        '',
        '<!-- add-tool:start -->',
        addToolSection('alpha-mcp'),
        '<!-- add-tool:end -->',
        '',
      ].join('\n'),
    );
    expect(addToolSection('alpha-mcp')).toContain(
      'npx nx g ./tools/mcp-plugin:mcp-tool --project=alpha-mcp --name=<verb_noun> --toolset=<toolset> --read-only',
    );

    expect(await sync(root)).toBeUndefined();
  });

  it("derives each server's k3s overlay from its manifest and removes the overlay of a removed server", async () => {
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools } });
    mkdirSync(join(root, 'k3s/overlays/gone-mcp'), { recursive: true });
    writeFileSync(join(root, 'k3s/overlays/gone-mcp/kustomization.yaml'), 'stale\n');
    const result = await sync(root);
    expect(result?.outOfSyncDetails).toEqual(expect.arrayContaining(['k3s/overlays/alpha-mcp/kustomization.yaml', 'k3s/overlays/gone-mcp']));
    expect(existsSync(join(root, 'k3s/overlays/gone-mcp'))).toBe(false);

    const overlay = readFileSync(join(root, 'k3s/overlays/alpha-mcp/kustomization.yaml'), 'utf8');
    expect(overlay).toMatch(/^# Generated by `npx nx sync` from apps\/alpha-mcp\/mcp-server\.json: edit the manifest, not this file\./);
    expect(parse(overlay)).toMatchObject({
      namespace: 'mcp',
      namePrefix: 'alpha-',
      resources: ['../../base'],
      components: ['external-secret', 'external-secret-optional', 'network-policy', 'traefik-route', 'hpa', 'pdb'].map(
        (component) => `../../components/${component}`,
      ),
      images: [{ name: 'mcp-server', newName: 'alpha-mcp', newTag: 'set-by-deploy' }],
    });
    expect(overlay).not.toMatch(/:latest\b/);
    const objects = render(root, 'alpha-mcp');
    const env = containerEnv(objects);
    expect(env['DEMO_TOKEN']).toEqual({ name: 'DEMO_TOKEN', valueFrom: { secretKeyRef: { name: 'alpha-mcp-env', key: 'DEMO_TOKEN' } } });
    expect(env['MCP_ALLOWED_HOSTS']?.value).toBe('alpha-mcp,alpha-mcp.mcp,alpha-mcp.mcp.svc,alpha-mcp.mcp.svc.cluster.local,mcp.sophia.internal');
    expect(ofKind(objects, 'ExternalSecret').map((object) => object.metadata.name)).toEqual(['alpha-mcp-env', 'alpha-mcp-env-optional']);
    // Named client tokens and per-client limits: optional, from ESC, the server's own key before the fleet's.
    for (const key of ['MCP_AUTH_TOKENS', 'MCP_CLIENT_RATE_LIMIT', 'MCP_AUDIT_LEVEL']) {
      expect(env[key]).toEqual({ name: key, valueFrom: { secretKeyRef: { name: 'alpha-mcp-env-optional', key, optional: true } } });
      expect(ofKind(objects, 'ExternalSecret')[1]?.spec.target.template.templateFrom[0].literal).toContain(
        `{{- with index . "ALPHA_MCP__${key}" | default (index . "${key}") }}\n${key}: {{ toJson . }}\n{{- end }}`,
      );
    }
    expect(ofKind(objects, 'Deployment')[0]?.spec.replicas).toBeUndefined();

    // A hand edit is stale: the manifest is the source.
    writeFileSync(join(root, 'k3s/overlays/alpha-mcp/kustomization.yaml'), overlay.replace('9021', '9999'));
    expect((await sync(root))?.outOfSyncDetails).toEqual(['k3s/overlays/alpha-mcp/kustomization.yaml']);
  });

  it('derives storage, egress, fixed replicas and optional ESC keys for an embedded store with credential alternatives', async () => {
    const root = workspace({ 'store-mcp': { port: 9031, tools: demoTools, manifest: storeManifest } });
    await sync(root);
    const overlay = parse(readFileSync(join(root, 'k3s/overlays/store-mcp/kustomization.yaml'), 'utf8'));
    expect(overlay.components).toEqual(
      ['external-secret', 'external-secret-optional', 'network-policy', 'traefik-route', 'persistent-storage'].map((component) => `../../components/${component}`),
    );

    const objects = render(root, 'store-mcp');
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual([
      'Deployment/store-mcp',
      'ExternalSecret/store-mcp-env',
      'ExternalSecret/store-mcp-env-optional',
      'IngressRoute/store-mcp',
      'Middleware/store-mcp-strip-prefix',
      'NetworkPolicy/store-mcp',
      'PersistentVolumeClaim/store-mcp-data',
      'Service/store-mcp',
      'ServiceAccount/store-mcp',
    ]);
    const env = containerEnv(objects);
    const optional = (key: string) => ({ name: key, valueFrom: { secretKeyRef: { name: 'store-mcp-env-optional', key, optional: true } } });
    expect(env['STORE_ACCOUNT']).toEqual({ name: 'STORE_ACCOUNT', valueFrom: { secretKeyRef: { name: 'store-mcp-env', key: 'STORE_ACCOUNT' } } });
    for (const key of ['STORE_USER', 'STORE_KEY', 'STORE_TOKEN', 'DATABASE_URL']) expect(env[key]).toEqual(optional(key));
    expect(env['STORE_DATA_DIR']).toEqual({ name: 'STORE_DATA_DIR', value: '/var/store/db' });
    expect(env['STORE_PAGE_SIZE']).toBeUndefined();

    const [required, optionalSecret] = ofKind(objects, 'ExternalSecret');
    expect(required?.spec.data.map((item: { secretKey: string }) => item.secretKey)).toEqual(['MCP_AUTH_TOKEN', 'STORE_ACCOUNT']);
    expect(optionalSecret?.spec.dataFrom).toEqual([{ extract: { key: 'environmentVariables' } }]);
    const literal: string = optionalSecret?.spec.target.template.templateFrom[0].literal;
    for (const key of ['STORE_USER', 'STORE_KEY', 'STORE_TOKEN', 'DATABASE_URL']) {
      expect(literal).toContain(`{{- with index . "${key}" }}\n${key}: {{ toJson . }}\n{{- end }}`);
    }
    expect(literal).not.toContain('STORE_ACCOUNT');

    const deployment = ofKind(objects, 'Deployment')[0] as K8sObject;
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.template.spec.containers[0].resources).toEqual(storeManifest.deployment.resources);
    expect(deployment.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/store' });
    expect(deployment.spec.template.spec.volumes).toContainEqual({ name: 'data', persistentVolumeClaim: { claimName: 'store-mcp-data' } });
    expect(ofKind(objects, 'PersistentVolumeClaim')[0]?.spec.resources.requests.storage).toBe('3Gi');
    expect(ofKind(objects, 'NetworkPolicy')[0]?.spec.egress.slice(2)).toEqual([
      { ports: [{ port: 5432, protocol: 'TCP' }, { port: 6543, protocol: 'TCP' }] },
    ]);

    const readme = readFileSync(join(root, 'apps/store-mcp/README.md'), 'utf8');
    expect(readme).toContain('| `STORE_ACCOUNT` | no | required | — | Account. |');
    expect(readme).toContain('| `STORE_USER` | no | one of the credentials: key pair | — | User of the key. |');
    expect(readme).toContain('| `STORE_TOKEN` | yes | one of the credentials: token | — | Token. |');
    expect(readme).toContain('| `DATABASE_URL` | yes | optional | — | PostgreSQL URL; unset uses the embedded store. |');
    expect(readme).toContain('| `STORE_DATA_DIR` | no | optional | `./data` (K3s: `/var/store/db` on a volume) | Embedded store directory. |');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(
      '| `store-mcp` | 9031 | Store | `STORE_ACCOUNT`; and one of: `STORE_USER` and `STORE_KEY` (key pair), or `STORE_TOKEN` (token) |',
    );
  });

  it('scales a server with more replicas from that many, keeping the autoscaler and the budget', async () => {
    const manifest = { ...demoManifest('alpha-mcp', 9021), deployment: { replicas: 3 } };
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools, manifest } });
    await sync(root);
    const objects = render(root, 'alpha-mcp');
    expect(ofKind(objects, 'HorizontalPodAutoscaler')[0]?.spec).toMatchObject({ minReplicas: 3, maxReplicas: 6 });
    expect(ofKind(objects, 'PodDisruptionBudget')).toHaveLength(1);
  });

  it('gives variants of one tool that the configuration picks between one row', () => {
    const variant = { name: 'run_sql', toolset: 'query', description: 'Runs SQL. Details follow.' };
    expect(toolTable([{ ...variant, readOnly: true }, { ...variant, readOnly: false }, { ...variant, name: 'list_x', readOnly: true }])).toBe(
      [
        '| name | toolset | read-only | description |',
        '| --- | --- | --- | --- |',
        '| `run_sql` | query | by configuration | Runs SQL. |',
        '| `list_x` | query | yes | Runs SQL. |',
      ].join('\n'),
    );
  });

  it('says under the tool table which toolsets a client naming none is listed, when the manifest has defaults', () => {
    const tools = [
      { name: 'get_x', toolset: 'things', readOnly: true, description: 'Reads x.' },
      { name: 'get_log', toolset: 'ci', readOnly: true, description: 'Reads a log.' },
    ];
    expect(toolTable(tools)).not.toContain('default toolsets');
    expect(toolTable(tools, ['things']).split('\n').slice(-1)[0]).toMatch(
      /^A client that names no toolset is listed the default toolsets `things` \(manifest `tools.defaultToolsets`\); the header `X-MCP-Toolsets: all`/,
    );
  });

  it('names the file whose markers are missing', async () => {
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools } });
    writeFileSync(join(root, 'apps/alpha-mcp/README.md'), '# no markers\n');
    await expect(sync(root)).rejects.toThrow(
      'apps/alpha-mcp/README.md needs the markers <!-- configuration:start --> and <!-- configuration:end -->',
    );
  });

  it('refuses to derive anything from manifests that share a port', async () => {
    const root = workspace({ 'alpha-mcp': { port: 9021, tools: demoTools }, 'beta-mcp': { port: 9021, tools: demoTools } });
    await expect(sync(root)).rejects.toThrow('port 9021 is claimed by both alpha-mcp and beta-mcp');
  });
});
