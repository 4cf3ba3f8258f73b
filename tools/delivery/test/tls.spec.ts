import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vendoredVersions } from './support/crd-schemas';
import { parseManifest, renderKustomization, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT, exec } from './support/workspace';

// TLS through cert-manager, optional: k3s/tls issues the certificate once per cluster, and a deploy
// with MCP_INGRESS_TLS=cert-manager makes the server's IngressRoute serve it.

const image = `registry.test/mcp/github-mcp@sha256:${'ab'.repeat(32)}`;
const problemsOf = (objects: K8sObject[]) =>
  objects.flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`));
const deployDryRun = (extra: Record<string, string>) => {
  const { MCP_INGRESS_TLS: _unset, ...rest } = process.env;
  const result = exec(process.execPath, ['tools/delivery/src/deploy.mjs', '--app', 'github-mcp', '--image', image, '--dry-run'], {
    env: { ...rest, ...extra },
  });
  return { ...result, objects: result.status === 0 ? parseManifest(result.stdout.split(/^---\n(?=\$)/m)[0] ?? '') : [] };
};

describe('k3s/tls (cert-manager, once per cluster)', () => {
  const objects = renderKustomization(join(WORKSPACE_ROOT, 'k3s', 'tls'));
  const certificates = objects.filter((object) => object.kind === 'Certificate');
  const ingress = certificates.find((object) => object.metadata.name === 'mcp-ingress-tls');

  it("validates against the vendored cert-manager CRDs of the version docs/deploy.md installs", () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual(
      ['Certificate/mcp-ca', 'Certificate/mcp-ingress-tls', 'ClusterIssuer/mcp-ca', 'ClusterIssuer/mcp-selfsigned'],
    );
    expect(problemsOf(objects)).toEqual([]);
    const version = vendoredVersions()['cert-manager'];
    const docs = readFileSync(join(WORKSPACE_ROOT, 'docs', 'deploy.md'), 'utf8');
    expect([...docs.matchAll(/jetstack\/cert-manager[^`]*?--version (\S+)/g)].map((match) => match[1])).toEqual([version]);
  });

  it('issues the ingress certificate for the host every IngressRoute matches, into namespace mcp, from the CA issuer', () => {
    const route = readFileSync(join(WORKSPACE_ROOT, 'k3s', 'components', 'traefik-route', 'ingress-route.yaml'), 'utf8');
    const host = /Host\(`([^`]+)`\)/.exec(route)?.[1];
    expect(ingress?.metadata.namespace).toBe('mcp');
    expect(ingress?.spec.dnsNames).toEqual([host]);
    const ca = certificates.find((object) => object.metadata.name === 'mcp-ca');
    expect(ca?.spec.isCA).toBe(true);
    // A ClusterIssuer reads its CA Secret from cert-manager's own namespace.
    expect(ca?.metadata.namespace).toBe('cert-manager');
    expect(theOne(objects.filter((object) => object.metadata.name === 'mcp-ca'), 'ClusterIssuer').spec.ca.secretName).toBe(ca?.spec.secretName);
    expect(ingress?.spec.issuerRef).toEqual({ kind: 'ClusterIssuer', name: 'mcp-ca', group: 'cert-manager.io' });
  });

  it('the validation rejects a Certificate cert-manager would reject (so the pass above means something)', () => {
    const broken = { ...ingress, spec: { ...ingress?.spec, dnsName: ingress?.spec.dnsNames } } as K8sObject;
    expect(schemaProblems(broken)).toEqual([expect.stringContaining('(dnsName)')]);
  });
});

describe('a deploy with MCP_INGRESS_TLS=cert-manager', () => {
  it("serves k3s/tls's certificate on the server's route, and every object it applies validates", () => {
    const { status, stderr, objects } = deployDryRun({ MCP_INGRESS_TLS: 'cert-manager' });
    expect(stderr).not.toContain('error');
    expect(status).toBe(0);
    expect(theOne(objects, 'IngressRoute').spec.tls).toEqual({ secretName: 'mcp-ingress-tls' });
    expect(theOne(objects, 'IngressRoute').metadata).toMatchObject({ name: 'github-mcp', namespace: 'mcp' });
    expect(problemsOf(objects)).toEqual([]);
  });

  it("keeps Traefik's default certificate without it", () => {
    const { status, objects } = deployDryRun({});
    expect(status).toBe(0);
    expect(theOne(objects, 'IngressRoute').spec.tls).toEqual({});
  });

  it('refuses a value it does not know, saying what to set', () => {
    const { status, stderr } = deployDryRun({ MCP_INGRESS_TLS: 'letsencrypt' });
    expect(status).toBe(1);
    expect(stderr).toContain('MCP_INGRESS_TLS=letsencrypt is not supported: set cert-manager');
  });
});
