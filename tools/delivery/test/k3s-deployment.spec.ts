import { join } from 'node:path';
import { parse } from 'yaml';
import { renderKustomization, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT, servers, type ServerFacts } from './support/workspace';

// What each overlay derives from its manifest's `env` and `deployment`: env from the ESC-made
// Secrets, optional keys that cannot fail the sync, resources, storage, egress, replicas.

const fleet = servers();
const render = (name: string) => renderKustomization(join(WORKSPACE_ROOT, 'k3s', 'overlays', name));
const envOf = (deployment: K8sObject) =>
  Object.fromEntries(deployment.spec.template.spec.containers[0].env.map((entry: { name: string }) => [entry.name, entry]));
const ofKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const valid = (object: K8sObject) => expect(schemaProblems(object)).toEqual([]);

/**
 * What ESO makes of the optional Secret's template for a given ESC environment, under Go template
 * semantics: `with index . "KEY"` keeps its body only for a present, non-empty key; `A | default B`
 * is A unless A is empty; toJson quotes.
 */
function optionalSecretData(literal: string, esc: Record<string, string>): Record<string, string> {
  const block = /\{\{- with index \. "([A-Z0-9_]+)"(?: \| default \(index \. "([A-Z0-9_]+)"\))? \}\}\n([A-Z0-9_]+): \{\{ toJson \. \}\}\n\{\{- end \}\}/g;
  const rendered = literal.replace(block, (whole, first: string, fallback: string | undefined, key: string) => {
    if (key !== (fallback ?? first)) throw new Error(`template writes ${key} from ${first}: ${whole}`);
    const value = esc[first] || (fallback ? esc[fallback] : undefined);
    return value ? `\n${key}: ${JSON.stringify(value)}` : '';
  });
  if (rendered.includes('{{')) throw new Error(`template part not understood:\n${rendered}`);
  return parse(rendered) ?? {};
}

describe.each(fleet)('the deployment derived for $name', (server: ServerFacts) => {
  const { name, requiredKeys, optionalKeys } = server;
  const objects = render(name);
  const deployment = theOne(objects, 'Deployment');
  const container = deployment.spec.template.spec.containers[0];
  const env = envOf(deployment);

  it('reads every required ESC variable from <app>-env, which fails its sync without them', () => {
    for (const key of requiredKeys) expect(env[key]?.valueFrom.secretKeyRef).toEqual({ name: `${name}-env`, key });
    const secret = ofKind(objects, 'ExternalSecret').find((object) => object.metadata.name === `${name}-env`);
    expect(secret?.spec.target.name).toBe(`${name}-env`);
    expect(secret?.spec.data).toEqual(
      ['MCP_AUTH_TOKEN', ...requiredKeys].map((key) => ({ secretKey: key, remoteRef: { key: `environmentVariables.${key}` } })),
    );
  });

  it('reads every optional ESC variable (secrets, credential alternatives, per-tenant settings) as optional', () => {
    for (const key of optionalKeys) {
      expect(env[key]?.valueFrom.secretKeyRef).toEqual({ name: `${name}-env-optional`, key, optional: true });
    }
  });

  it('wires no variable the manifest does not deliver from ESC, and only ESC-made Secrets', () => {
    const fromSecrets = Object.values(env).filter((entry) => entry.valueFrom?.secretKeyRef);
    expect(fromSecrets.map((entry) => entry.name).sort()).toEqual(['MCP_AUTH_TOKEN', ...requiredKeys, ...optionalKeys].sort());
    const secretNames = new Set(ofKind(objects, 'ExternalSecret').map((object) => object.spec.target.name));
    for (const entry of fromSecrets) expect(secretNames).toContain(entry.valueFrom.secretKeyRef.name);
  });

  it('syncs the optional keys present in ESC and leaves out the absent ones instead of failing', () => {
    const secret = ofKind(objects, 'ExternalSecret').find((object) => object.metadata.name === `${name}-env-optional`);
    valid(secret as K8sObject);
    expect(secret?.spec.data).toBeUndefined();
    expect(secret?.spec.dataFrom).toEqual([{ extract: { key: 'environmentVariables' } }]);
    expect(secret?.spec.target).toMatchObject({ name: `${name}-env-optional`, template: { engineVersion: 'v2', mergePolicy: 'Replace' } });
    const literal = secret?.spec.target.template.templateFrom[0].literal as string;

    const [present, ...absent] = optionalKeys;
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE"quoted"\n-----END PRIVATE KEY-----\n';
    const esc = { [present as string]: pem, OTHER_SERVERS_TOKEN: 'not ours', MCP_AUTH_TOKEN: 'bearer' };
    expect(optionalSecretData(literal, esc)).toEqual({ [present as string]: pem });
    expect(Object.keys(optionalSecretData(literal, {}))).toEqual([]);
    const everything = Object.fromEntries(optionalKeys.map((key) => [key, `value of ${key}`]));
    expect(optionalSecretData(literal, everything)).toEqual(everything);
    expect(absent.every((key) => !(key in optionalSecretData(literal, esc)))).toBe(true);
  });

  it('takes a client setting for this server from ESC key <APP>__<KEY> before the fleet-wide <KEY>', () => {
    const secret = ofKind(objects, 'ExternalSecret').find((object) => object.metadata.name === `${name}-env-optional`);
    const literal = secret?.spec.target.template.templateFrom[0].literal as string;
    const perServer = `${name.toUpperCase().replaceAll('-', '_')}__MCP_CLIENT_RATE_LIMIT`;
    const fleetWide = { MCP_CLIENT_RATE_LIMIT: 'read=120/min', MCP_AUTH_TOKENS: 'ci:' + 'x'.repeat(32) };
    expect(optionalSecretData(literal, fleetWide)).toEqual(fleetWide);
    expect(optionalSecretData(literal, { ...fleetWide, [perServer]: 'write=5/min' })).toEqual({ ...fleetWide, MCP_CLIENT_RATE_LIMIT: 'write=5/min' });
    expect(optionalSecretData(literal, { OTHER_MCP__MCP_CLIENT_RATE_LIMIT: 'write=1/min' })).toEqual({});
  });

  it('sets the manifest resources', () => {
    expect(container.resources).toEqual(server.resources);
  });

  it('allows egress to DNS in kube-system, to 443 and to the manifest egress ports only', () => {
    const policy = theOne(objects, 'NetworkPolicy');
    valid(policy);
    const ports = policy.spec.egress.flatMap((rule: { ports: Array<{ port: number; protocol: string }> }) =>
      rule.ports.map(({ port, protocol }) => `${port}/${protocol}`),
    );
    expect(ports.sort()).toEqual(['53/UDP', '53/TCP', '443/TCP', ...server.egressPorts.map((port) => `${port}/TCP`)].sort());
    const dns = policy.spec.egress.find((rule: { ports: Array<{ port: number }> }) => rule.ports.some(({ port }) => port === 53));
    expect(dns.to).toEqual([{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['kube-system'] }] } }]);
  });

  if (server.storage) {
    const storage = server.storage;
    it(`keeps the embedded store on a ${storage.size} PersistentVolumeClaim mounted at ${storage.mountPath}, one writer at a time`, () => {
      const claim = theOne(objects, 'PersistentVolumeClaim');
      valid(claim);
      expect(claim.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: storage.size } } });
      const volume = deployment.spec.template.spec.volumes.find((entry: { persistentVolumeClaim?: unknown }) => entry.persistentVolumeClaim);
      expect(volume.persistentVolumeClaim).toEqual({ claimName: claim.metadata.name });
      expect(container.volumeMounts).toContainEqual({ name: volume.name, mountPath: storage.mountPath });
      expect(env[storage.env]).toEqual({ name: storage.env, value: storage.value });
      expect(storage.value.startsWith(`${storage.mountPath}/`)).toBe(true);
      expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
      expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    });
  } else {
    it('has no volume but /tmp and rolls updates without downtime', () => {
      expect(ofKind(objects, 'PersistentVolumeClaim')).toEqual([]);
      expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    });
  }

  if (server.autoscale) {
    it(`leaves replicas to an autoscaler from ${server.replicas}, with a disruption budget`, () => {
      expect(deployment.spec.replicas).toBeUndefined();
      const hpa = theOne(objects, 'HorizontalPodAutoscaler');
      valid(hpa);
      expect(hpa.spec).toMatchObject({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: server.replicas });
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(server.replicas);
      expect(theOne(objects, 'PodDisruptionBudget').spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    });
  } else {
    it(`runs a fixed ${server.replicas} replica(s) without an autoscaler`, () => {
      expect(deployment.spec.replicas).toBe(server.replicas);
      expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
      // A budget of one available pod would block every node drain of a single replica.
      expect(ofKind(objects, 'PodDisruptionBudget')).toHaveLength(server.replicas > 1 ? 1 : 0);
    });
  }
});

// Issue 9's "done when", stated literally rather than derived from the manifests.
describe.each(['postgres-mcp', 'ai-memory-mcp'])('%s as deployed', (name) => {
  const objects = render(name);
  const deployment = theOne(objects, 'Deployment');
  const env = envOf(deployment);

  it('takes DATABASE_URL from the secret store, runs one replica without an HPA, may reach PostgreSQL on 5432', () => {
    expect(env['DATABASE_URL'].valueFrom.secretKeyRef).toEqual({ name: `${name}-env-optional`, key: 'DATABASE_URL', optional: true });
    expect(deployment.spec.replicas).toBe(1);
    expect(ofKind(objects, 'HorizontalPodAutoscaler')).toEqual([]);
    expect(theOne(objects, 'NetworkPolicy').spec.egress).toContainEqual({ ports: [{ port: 5432, protocol: 'TCP' }] });
  });

  it('keeps the PGlite fallback on a PersistentVolumeClaim under /data', () => {
    const dataDir = Object.values(env).find((entry) => String(entry.value).startsWith('/data/'));
    expect(dataDir).toBeDefined();
    expect(deployment.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
    expect(theOne(objects, 'PersistentVolumeClaim').metadata.name).toBe(`${name}-data`);
  });
});

describe('snowflake-mcp as deployed', () => {
  const env = envOf(theOne(render('snowflake-mcp'), 'Deployment'));

  it('wires both credential alternatives (key pair and token) as optional keys, the account as required', () => {
    for (const key of ['SNOWFLAKE_USER', 'SNOWFLAKE_PRIVATE_KEY', 'SNOWFLAKE_PRIVATE_KEY_PASSPHRASE', 'SNOWFLAKE_TOKEN']) {
      expect(env[key]?.valueFrom.secretKeyRef).toEqual({ name: 'snowflake-mcp-env-optional', key, optional: true });
    }
    expect(env['SNOWFLAKE_ACCOUNT']?.valueFrom.secretKeyRef).toEqual({ name: 'snowflake-mcp-env', key: 'SNOWFLAKE_ACCOUNT' });
  });
});
