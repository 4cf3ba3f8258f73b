import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crdProblems, vendoredVersions } from './support/crd-schemas';
import { renderKustomization, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT } from './support/workspace';

const read = (file: string) => readFileSync(join(WORKSPACE_ROOT, file), 'utf8');
const problemsOf = (objects: K8sObject[]) =>
  objects.flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`));

describe('External Secrets Operator: one version everywhere', () => {
  const vendored = vendoredVersions()['external-secrets'];

  it('has its CRDs vendored at one version', () => {
    expect(vendored).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it('docs/deploy.md installs that version of the Helm chart', () => {
    const installs = [...read('docs/deploy.md').matchAll(/external-secrets\/external-secrets[^`]*?--version (\S+)/g)].map((match) => match[1]);
    expect(installs).toEqual([vendored?.replace(/^v/, '')]);
  });

  it('the workflows apply the CRDs of that version', () => {
    const ci = read('.github/workflows/ci.yml') + read('.github/workflows/deploy.yml');
    const urls = [...ci.matchAll(/external-secrets\/external-secrets\/(v[\d.]+)\/deploy\/crds/g)].map((match) => match[1]);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls)).toEqual(new Set([vendored]));
  });
});

describe('k3s/cluster', () => {
  const objects = renderKustomization(join(WORKSPACE_ROOT, 'k3s', 'cluster'));

  it('validates against the vendored CRD schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    expect(problemsOf(objects)).toEqual([]);
  });

  it('gives the Pulumi provider its access token from the external-secrets namespace', () => {
    const store = theOne(objects, 'ClusterSecretStore');
    expect(store.spec.provider.pulumi).toMatchObject({
      auth: { accessToken: { secretRef: { name: 'pulumi-access-token', namespace: 'external-secrets', key: 'PULUMI_ACCESS_TOKEN' } } },
    });
  });
});

describe('the CRD validation (so that a pass means something)', () => {
  const store = (pulumi: object): K8sObject => ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ClusterSecretStore',
    metadata: { name: 'probe' },
    spec: { provider: { pulumi: { organization: 'o', project: 'p', environment: 'e', ...pulumi } } },
  });
  const token = { secretRef: { name: 'pulumi-access-token', key: 'PULUMI_ACCESS_TOKEN' } };

  it('rejects a field the schema does not know, as strict server-side apply does', () => {
    expect(crdProblems(store({ auth: { accessToken: token }, acessToken: token }))).toEqual([expect.stringContaining('(acessToken)')]);
  });

  it('rejects a wrong type', () => {
    expect(crdProblems(store({ auth: { accessToken: 'plain-text' } }))?.length).toBeGreaterThan(0);
  });

  it('knows the Traefik kinds the overlays use', () => {
    const route = { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'probe' }, spec: { routes: [{ kind: 'Rule', services: [] }] } };
    expect(crdProblems(route)).toEqual([expect.stringContaining("must have required property 'match'")]);
  });
});
