import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderKustomization, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { CLIENT_KEYS, WORKSPACE_ROOT, execOk, expectedComponents, servers } from './support/workspace';

const K3S = join(WORKSPACE_ROOT, 'k3s');
const fleet = servers();

// Restricted Pod Security, as docs/architecture.md §10 requires for every server.
function podProblems(deployment: K8sObject): string[] {
  const pod = deployment.spec.template.spec;
  const problems: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push('pod runAsNonRoot');
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push('pod seccomp RuntimeDefault');
  if (pod.automountServiceAccountToken !== false) problems.push('no service account token');
  for (const container of pod.containers) {
    const context = container.securityContext ?? {};
    if (context.allowPrivilegeEscalation !== false) problems.push(`${container.name}: allowPrivilegeEscalation false`);
    if (context.readOnlyRootFilesystem !== true) problems.push(`${container.name}: readOnlyRootFilesystem`);
    if (JSON.stringify(context.capabilities?.drop) !== '["ALL"]') problems.push(`${container.name}: drop ALL capabilities`);
    for (const kind of ['requests', 'limits']) {
      if (!container.resources?.[kind]?.cpu || !container.resources?.[kind]?.memory) problems.push(`${container.name}: ${kind} cpu+memory`);
    }
    if (!/(:[\w][\w.-]*|@sha256:[a-f0-9]{64})$/.test(container.image) || /:latest$/.test(container.image)) {
      problems.push(`${container.name}: image ${container.image} must have a tag other than latest, or a digest`);
    }
  }
  return problems;
}

describe('the k3s manifests', () => {
  it('have one generated overlay per server and nothing else', () => {
    expect(readdirSync(join(K3S, 'overlays')).sort()).toEqual(fleet.map((server) => server.name).sort());
  });

  it.each(['base', 'cluster'])('%s renders on its own', (dir) => {
    expect(renderKustomization(join(K3S, dir)).length).toBeGreaterThan(0);
  });

  it('creates namespace mcp under the restricted Pod Security Standard', () => {
    const [namespace] = renderKustomization(join(K3S, 'base/namespace'));
    expect(namespace).toMatchObject({ kind: 'Namespace', metadata: { name: 'mcp', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });
  });

  it('has no :latest image anywhere', () => {
    const images = execOk('grep', ['-rhoE', 'image: *[^ ]+|newTag: *[^ ]+', K3S]).split('\n').filter(Boolean);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((line) => /latest/.test(line))).toEqual([]);
  });
});

describe.each(fleet)('the overlay of $name', (server) => {
  const { name, port } = server;
  const objects = renderKustomization(join(K3S, 'overlays', name));
  const deployment = theOne(objects, 'Deployment');
  const service = theOne(objects, 'Service');
  const container = deployment.spec.template.spec.containers[0];
  const env = Object.fromEntries((container?.env ?? []).map((entry: { name: string }) => [entry.name, entry]));

  it('uses the always-on components and only those its manifest asks for', () => {
    const overlay = readFileSync(join(K3S, 'overlays', name, 'kustomization.yaml'), 'utf8');
    const used = readdirSync(join(K3S, 'components')).filter((component) => overlay.includes(`../../components/${component}\n`));
    expect(used.sort()).toEqual(expectedComponents(server).sort());
  });

  it('renders its objects, each named after the server (namePrefix) and in namespace mcp', () => {
    const components = expectedComponents(server);
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual(
      [
        `Deployment/${name}`,
        `ExternalSecret/${name}-env`,
        `IngressRoute/${name}`,
        `Middleware/${name}-strip-prefix`,
        `NetworkPolicy/${name}`,
        `Service/${name}`,
        `ServiceAccount/${name}`,
        `ExternalSecret/${name}-env-optional`,
        ...(components.includes('persistent-storage') ? [`PersistentVolumeClaim/${name}-data`] : []),
        ...(components.includes('hpa') ? [`HorizontalPodAutoscaler/${name}`] : []),
        ...(components.includes('pdb') ? [`PodDisruptionBudget/${name}`] : []),
      ].sort(),
    );
    expect(objects.every((object) => object.metadata.namespace === 'mcp')).toBe(true);
    expect(objects.every((object) => object.metadata.labels?.['app.kubernetes.io/name'] === name)).toBe(true);
  });

  it('routes only /<app>/mcp through Traefik to its own Service and Middleware (health and metrics stay inside the cluster)', () => {
    const route = theOne(objects, 'IngressRoute').spec.routes[0];
    expect(route.match).toBe(`Host(\`mcp.sophia.internal\`) && Path(\`/${name}/mcp\`)`);
    expect(route.middlewares).toEqual([{ name: `${name}-strip-prefix` }]);
    expect(route.services).toEqual([{ name: service.metadata.name, port: service.spec.ports[0].name }]);
    expect(theOne(objects, 'Middleware').spec.stripPrefix.prefixes).toEqual([`/${name}`]);
  });

  it('validates against the Kubernetes schemas', () => {
    expect(objects.flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`))).toEqual([]);
  });

  it('runs restricted: non-root, read-only root with /tmp on an emptyDir, no escalation, no capabilities, limits, a pinned tag', () => {
    expect(podProblems(deployment)).toEqual([]);
    const tmp = container.volumeMounts.find((mount: { mountPath: string }) => mount.mountPath === '/tmp');
    expect(deployment.spec.template.spec.volumes.find((volume: { name: string }) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it("sizes the V8 heap for the container's memory limit (old space three quarters of it, 8 MiB semi-spaces)", () => {
    const limit = server.resources.limits.memory;
    const mib = /^(\d+)Mi$/.exec(limit)?.[1]; // every manifest states its limit in Mi
    expect(mib).toBeDefined();
    expect(container.resources.limits.memory).toBe(limit);
    expect(env['NODE_OPTIONS']?.value).toBe(`--max-semi-space-size=8 --max-old-space-size=${Math.floor((Number(mib) * 3) / 4)}`);
  });

  it(`serves the manifest port ${port} on the container and the Service, probed on /healthz and /readyz`, () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }]);
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port) });
    expect(env['MCP_PORT']).toEqual({ name: 'MCP_PORT', value: String(port) });
  });

  it('binds beyond loopback with a bearer token from its Secret and allows the Service names as Host', () => {
    expect(env['MCP_HOST']?.value).toBe('0.0.0.0');
    expect(env['MCP_AUTH_TOKEN']?.valueFrom.secretKeyRef).toEqual({ name: `${name}-env`, key: 'MCP_AUTH_TOKEN' });
    expect(env['MCP_ALLOWED_HOSTS']?.value.split(',')).toEqual(expect.arrayContaining([name, `${name}.mcp.svc`, `${name}.mcp.svc.cluster.local`]));
  });

  it('reads named client tokens and per-client limits from its optional Secret: the per-server ESC key first, then the fleet-wide one', () => {
    for (const key of CLIENT_KEYS) {
      expect(env[key]?.valueFrom.secretKeyRef).toEqual({ name: `${name}-env-optional`, key, optional: true });
    }
    const optionalSecret = objects.find((object) => object.metadata.name === `${name}-env-optional`);
    const literal: string = optionalSecret?.spec.target.template.templateFrom[0].literal;
    const perServer = name.toUpperCase().replaceAll('-', '_');
    for (const key of CLIENT_KEYS) {
      expect(literal).toContain(`{{- with index . "${perServer}__${key}" | default (index . "${key}") }}\n${key}: {{ toJson . }}\n{{- end }}`);
    }
  });

  it('pulls its image with the fleet registry credentials, if the cluster has them (Secret mcp-registry-pull)', () => {
    const account = theOne(objects, 'ServiceAccount');
    expect(deployment.spec.template.spec.serviceAccountName).toBe(account.metadata.name);
    expect((account as K8sObject & { imagePullSecrets?: unknown }).imagePullSecrets).toEqual([{ name: 'mcp-registry-pull' }]);
  });

  it('gives the pod longer to stop than the server drains (MCP_SHUTDOWN_TIMEOUT_MS)', () => {
    const drainSeconds = Number(env['MCP_SHUTDOWN_TIMEOUT_MS']?.value) / 1000;
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(drainSeconds);
  });
});

describe('the overlays together', () => {
  it('use every component somewhere', () => {
    const used = new Set(fleet.flatMap(expectedComponents));
    expect(readdirSync(join(K3S, 'components')).filter((component) => !used.has(component))).toEqual([]);
  });

  it('are small deltas on the base: no rename patches, names come from namePrefix', () => {
    for (const { name } of fleet) {
      const overlay = readFileSync(join(K3S, 'overlays', name, 'kustomization.yaml'), 'utf8');
      expect(overlay).toContain(`namePrefix: ${name.replace(/mcp$/, '')}\n`);
      expect(overlay).not.toContain('/metadata/name');
      expect(overlay).toMatch(/^# Generated by `npx nx sync` from apps\/.+\/mcp-server\.json/);
    }
  });
});
