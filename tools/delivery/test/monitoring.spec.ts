import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { renderKustomization, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT, exec, servers } from './support/workspace';

/**
 * k3s/monitoring (optional, once per cluster): the PodMonitor, the NetworkPolicy letting
 * Prometheus in, the alert rules (checked and unit-tested with promtool) and the Grafana dashboard.
 */
const objects = renderKustomization(join(WORKSPACE_ROOT, 'k3s', 'monitoring'));
const scratch = mkdtempSync(join(tmpdir(), 'monitoring-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function promtool(...args: string[]) {
  if (exec('sh', ['-c', 'command -v promtool']).status !== 0) {
    throw new Error('promtool not installed: run `bash .ci/run` (it installs it), or `apt-get install -y prometheus`');
  }
  return exec('promtool', args, { cwd: scratch });
}

/** The series names libs/mcp-base exports: its prom-client metrics, histograms with their suffixes. */
function exportedSeries(): Set<string> {
  const source = readFileSync(join(WORKSPACE_ROOT, 'libs', 'mcp-base', 'src', 'observability', 'metrics.ts'), 'utf8');
  const metrics = [...source.matchAll(/new (Counter|Histogram|Gauge)\(\{\s*name: '([a-z_]+)'/g)];
  expect(metrics.length).toBeGreaterThan(2);
  return new Set(metrics.flatMap(([, type, name]) => (type === 'Histogram' ? ['_bucket', '_sum', '_count'].map((suffix) => `${name}${suffix}`) : [name ?? ''])));
}

/** mcp_* series a PromQL expression reads. */
const mcpSeriesIn = (expr: string) => [...expr.matchAll(/\b(mcp_[a-z_]+)\b/g)].map((match) => match[1] ?? '');

describe('k3s/monitoring', () => {
  it('renders a PodMonitor, a NetworkPolicy, a PrometheusRule and the dashboard ConfigMap, valid against their (vendored) schemas', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`).sort()).toEqual([
      'ConfigMap/mcp-servers-dashboard',
      'NetworkPolicy/mcp-allow-prometheus',
      'PodMonitor/mcp-servers',
      'PrometheusRule/mcp-servers',
    ]);
    expect(objects.flatMap((object) => schemaProblems(object).map((problem) => `${object.kind}/${object.metadata.name}: ${problem}`))).toEqual([]);
  });

  it("scrapes every server's pods on their http port at /metrics, labelled by server", () => {
    const monitor = theOne(objects, 'PodMonitor');
    expect(monitor.metadata.namespace).toBe('mcp');
    expect(monitor.spec.podMetricsEndpoints).toEqual([
      expect.objectContaining({ port: 'http', path: '/metrics', relabelings: [{ sourceLabels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], targetLabel: 'server' }] }),
    ]);
    // The selector matches the pods of every overlay, and those pods name their port http.
    for (const { name } of servers()) {
      const pod = theOne(renderKustomization(join(WORKSPACE_ROOT, 'k3s', 'overlays', name)), 'Deployment').spec.template;
      expect(pod.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
      expect(pod.metadata.labels['app.kubernetes.io/name']).toBe(name);
      expect(pod.spec.containers[0].ports.map((port: { name: string }) => port.name)).toContain('http');
    }
  });

  it('lets Prometheus from namespace monitoring reach the http port of those same pods', () => {
    const policy = theOne(objects, 'NetworkPolicy');
    expect(policy.spec.podSelector).toEqual(theOne(objects, 'PodMonitor').spec.selector);
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['monitoring'] }] },
            podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['prometheus'] }] },
          },
        ],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
  });
});

describe('the alert rules', () => {
  const rule = theOne(objects, 'PrometheusRule');
  const rules: { alert: string; expr: string }[] = rule.spec.groups.flatMap((group: { rules: object[] }) => group.rules);
  writeFileSync(join(scratch, 'mcp-servers.rules.yaml'), stringify({ groups: rule.spec.groups }));

  it('alert per server on errors, p95 latency over 200 ms, pods not ready, restarts and upstream 429s', () => {
    expect(rules.map((entry) => entry.alert).sort()).toEqual([
      'McpServerPodsNotReady',
      'McpServerRestarting',
      'McpToolErrorRateHigh',
      'McpToolLatencyHigh',
      'McpUpstreamRateLimited',
    ]);
    expect(rules.every((entry) => /by \(namespace, server|"server", "\$1"/.test(entry.expr))).toBe(true);
  });

  it('read only metrics libs/mcp-base exports', () => {
    const exported = exportedSeries();
    const used = rules.flatMap((entry) => mcpSeriesIn(entry.expr));
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('pass promtool check rules', () => {
    const { status, stdout, stderr } = promtool('check', 'rules', 'mcp-servers.rules.yaml');
    expect(`${stdout}${stderr}`).toContain('SUCCESS: 5 rules found');
    expect(status).toBe(0);
  });

  it('fire, and stay quiet, as their promtool unit tests expect', () => {
    copyFileSync(join(__dirname, 'monitoring', 'alerts.test.yaml'), join(scratch, 'alerts.test.yaml'));
    const { status, stdout, stderr } = promtool('test', 'rules', 'alerts.test.yaml');
    expect({ status, output: `${stdout}${stderr}` }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });
});

describe('the Grafana dashboard', () => {
  const configMap = theOne(objects, 'ConfigMap') as K8sObject & { data: Record<string, string> };
  const dashboard = JSON.parse(configMap.data['mcp-servers.json'] ?? '{}');
  type Panel = { id: number; title: string; gridPos: object; targets: { expr: string; refId: string }[] };
  const panels: Panel[] = dashboard.panels ?? [];
  const exprs = panels.flatMap((panel) => panel.targets.map((target) => target.expr));

  it("is a ConfigMap in Grafana's namespace that the dashboard sidecar picks up", () => {
    expect(configMap.metadata).toMatchObject({ namespace: 'monitoring', labels: { grafana_dashboard: '1' } });
    expect(dashboard).toMatchObject({ uid: 'mcp-servers', title: 'MCP servers', schemaVersion: expect.any(Number) });
  });

  it('shows per server and tool: calls/s, errors, p50/p95/p99, upstream status codes and memory', () => {
    expect(panels.map((panel) => panel.title)).toEqual([
      'Tool calls per second',
      'Tool errors per second (by error kind)',
      'Tool latency p50 / p95 / p99',
      'Upstream responses per second (by HTTP status)',
      'Memory per pod (resident set, V8 heap used)',
    ]);
    expect(exprs.filter((expr) => expr.startsWith('histogram_quantile(')).map((expr) => expr.split(',')[0])).toEqual([
      'histogram_quantile(0.5',
      'histogram_quantile(0.95',
      'histogram_quantile(0.99',
    ]);
    expect(dashboard.templating.list.map((variable: { name: string }) => variable.name)).toEqual(['datasource', 'server']);
  });

  it('has unique panel ids, a position for each panel and unique query ids per panel', () => {
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length);
    expect(panels.every((panel) => panel.gridPos && new Set(panel.targets.map((target) => target.refId)).size === panel.targets.length)).toBe(true);
  });

  it('queries only metrics libs/mcp-base exports, in PromQL that parses', () => {
    const exported = exportedSeries();
    expect(exprs.flatMap(mcpSeriesIn).filter((name) => !exported.has(name))).toEqual([]);
    // Grafana's variables replaced by values, every query parsed by promtool as a recording rule.
    const concrete = exprs.map((expr) => expr.replaceAll('$__rate_interval', '5m').replaceAll('$server', '.*'));
    const groups = [{ name: 'dashboard', rules: concrete.map((expr, index) => ({ record: `dashboard:query_${index}`, expr })) }];
    writeFileSync(join(scratch, 'dashboard-queries.yaml'), stringify({ groups }));
    const { status, stdout, stderr } = promtool('check', 'rules', 'dashboard-queries.yaml');
    expect({ status, output: `${stdout}${stderr}` }).toEqual({ status: 0, output: expect.stringContaining(`SUCCESS: ${exprs.length} rules found`) });
  });
});
