import type { ServerManifest } from '@sophia/mcp-manifest';
import { compactYaml } from './compact-yaml';
import { nodeHeapFlags } from '../../node-heap';
import { BASE, containerEnv, escKeys, optionalSecretTemplate } from './k3s-env';

/** Where the per-server Kustomize overlays live; each renders with `kubectl kustomize`. */
export const OVERLAYS_DIR = 'k3s/overlays';
export const overlayFile = (app: string) => `${OVERLAYS_DIR}/${app}/kustomization.yaml`;

/** The namespace every server runs in (k3s/base/namespace). */
export const NAMESPACE = 'mcp';
/** The public host Traefik routes `/<app>/…` on (k3s/components/traefik-route). */
export const INGRESS_HOST = 'mcp.sophia.internal';

/** Names a client inside the cluster (or Traefik) may send as `Host`: the Service's DNS names. */
export function allowedHosts(name: string): string[] {
  return [name, `${name}.${NAMESPACE}`, `${name}.${NAMESPACE}.svc`, `${name}.${NAMESPACE}.svc.cluster.local`, INGRESS_HOST];
}

/** The k3s/components a server uses: the always-on ones, then what its manifest asks for. */
function overlayComponents(manifest: ServerManifest): string[] {
  const { storage, autoscale, replicas } = manifest.deployment;
  return [
    'external-secret',
    // Every server has optional keys: at least CLIENT_KEYS.
    'external-secret-optional',
    'network-policy',
    'traefik-route',
    ...(storage ? ['persistent-storage'] : []),
    ...(autoscale ? ['hpa'] : []),
    // A budget of one available pod would block every node drain of a single replica.
    ...(autoscale || replicas > 1 ? ['pdb'] : []),
  ];
}

type JsonPatch = Array<{ op: 'add' | 'replace'; path: string; value: unknown }>;
const patch = (kind: string, name: string, operations: JsonPatch) => ({
  target: { kind, name },
  patch: compactYaml(operations),
});

/**
 * `k3s/overlays/<app>/kustomization.yaml`: a delta on k3s/base. `namePrefix` names every object after
 * the app (kustomize follows the references); the patches carry only what the manifest says: port,
 * Host allow-list, env from the ESC-made Secrets, resources, storage, egress, replicas and the route.
 * The image stays a placeholder: the deploy target pins the digest it pushed.
 */
export function k3sOverlay(manifest: ServerManifest): string {
  const { name, port, deployment } = manifest;
  const { required, optional } = escKeys(manifest);
  const components = overlayComponents(manifest);
  const patches = [
    patch('Deployment', BASE.object, [
      { op: 'replace', path: '/spec/template/spec/containers/0/ports/0/containerPort', value: port },
      { op: 'replace', path: '/spec/template/metadata/annotations/prometheus.io~1port', value: String(port) },
    ]),
    { target: { kind: 'Deployment', name: BASE.object }, patch: compactYaml(deploymentPatch(manifest)) },
    patch('Service', BASE.object, [{ op: 'replace', path: '/spec/ports/0/port', value: port }]),
    ...(required.length
      ? [patch('ExternalSecret', BASE.secret, required.map((key) => ({ op: 'add' as const, path: '/spec/data/-', value: remoteRef(key) })))]
      : []),
    patch('ExternalSecret', BASE.optionalSecret, [
      { op: 'replace', path: '/spec/target/template/templateFrom/0/literal', value: optionalSecretTemplate(name, optional) },
    ]),
    ...(deployment.egressPorts.length
      ? [patch('NetworkPolicy', BASE.object, [
          { op: 'add', path: '/spec/egress/-', value: { ports: deployment.egressPorts.map((egressPort) => ({ port: egressPort, protocol: 'TCP' })) } },
        ])]
      : []),
    ...(deployment.storage
      ? [patch('PersistentVolumeClaim', BASE.claim, [
          { op: 'replace', path: '/spec/resources/requests/storage', value: deployment.storage.size },
        ])]
      : []),
    // k3s/components/hpa starts at 2, the manifest's default.
    ...(deployment.autoscale && deployment.replicas !== 2
      ? [patch('HorizontalPodAutoscaler', BASE.object, [
          { op: 'replace', path: '/spec/minReplicas', value: deployment.replicas },
          { op: 'replace', path: '/spec/maxReplicas', value: Math.max(6, deployment.replicas) },
        ])]
      : []),
    patch('Middleware', BASE.middleware, [{ op: 'replace', path: '/spec/stripPrefix/prefixes', value: [`/${name}`] }]),
    // Only the MCP endpoint is public: /healthz, /readyz and /metrics answer inside the cluster only.
    patch('IngressRoute', BASE.object, [
      { op: 'replace', path: '/spec/routes/0/match', value: `Host(\`${INGRESS_HOST}\`) && Path(\`/${name}/mcp\`)` },
    ]),
  ];
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: NAMESPACE,
    // Every app name ends in "-mcp" and every base object is named "mcp…": "<app>", "<app>-env", …
    namePrefix: name.slice(0, -BASE.object.length),
    resources: ['../../base'],
    components: components.map((component) => `../../components/${component}`),
    labels: [{ pairs: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name }, includeSelectors: true }],
    images: [{ name: 'mcp-server', newName: name, newTag: 'set-by-deploy' }],
    patches,
  };
  return compactYaml(
    kustomization,
    ` Generated by \`npx nx sync\` from apps/${name}/mcp-server.json: edit the manifest, not this file.\n` +
      ` Patches name k3s/base's objects (mcp, mcp-env, …); namePrefix makes them ${name}, ${name}-env, ….\n` +
      ` The image stays a placeholder: \`nx deploy ${name}\` pins the digest it pushed.`,
  );
}

const remoteRef = (key: string) => ({ secretKey: key, remoteRef: { key: `environmentVariables.${key}` } });

/** Strategic-merge patch of the server container: what differs per server besides the port. */
function deploymentPatch(manifest: ServerManifest) {
  const { name, port, deployment } = manifest;
  const storage = deployment.storage;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: BASE.object },
    spec: {
      // With an autoscaler the HPA owns replicas (the hpa component removes the field).
      ...(deployment.autoscale ? {} : { replicas: deployment.replicas }),
      template: {
        spec: {
          containers: [
            {
              name: 'server',
              env: [
                { name: 'MCP_PORT', value: String(port) },
                { name: 'MCP_ALLOWED_HOSTS', value: allowedHosts(name).join(',') },
                // V8 sized for this pod's limit, not the node's memory (see node-heap.ts).
                { name: 'NODE_OPTIONS', value: nodeHeapFlags(deployment.resources.limits.memory).join(' ') },
                ...containerEnv(manifest),
              ],
              resources: deployment.resources,
              ...(storage ? { volumeMounts: [{ name: 'data', mountPath: storage.mountPath }] } : {}),
            },
          ],
        },
      },
    },
  };
}
