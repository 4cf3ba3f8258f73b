import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeClass } from 'kubernetes-models/node.k8s.io/v1';
import { parseManifest, theOne, type K8sObject } from './support/render';
import { schemaProblems } from './support/schemas';
import { WORKSPACE_ROOT, exec, execOk } from './support/workspace';

// k3s/bootstrap/bootstrap-node.sh against a fake Lambda host: stubs of the external commands it
// calls (uname, nvidia-smi, lspci, dpkg-query, systemctl, apt-get, gpg, curl, kubectl) record
// every call, and BOOTSTRAP_ROOT points every file it writes at a scratch directory.

const SCRIPT = join(WORKSPACE_ROOT, 'k3s', 'bootstrap', 'bootstrap-node.sh');
const MANIFESTS = join(WORKSPACE_ROOT, 'k3s', 'bootstrap', 'manifests');
const source = readFileSync(SCRIPT, 'utf8');
const pinned = (name: string) => {
  const value = source.match(new RegExp(`^readonly ${name}="([^"]+)"`, 'm'))?.[1];
  if (!value) throw new Error(`${name} is not pinned in bootstrap-node.sh`);
  return value;
};
const K3S_VERSION = pinned('K3S_VERSION');
const TOOLKIT_VERSION = pinned('NVIDIA_CTK_VERSION');
const TOKEN = 'K10-join-token-that-must-never-be-printed';
const NVIDIA_SMI_OUTPUT = 'NVIDIA-SMI 570.148.08   GPU 0: NVIDIA GH200 480GB';

/** What each stub does; the state envs say whether the host/cluster already has things done. */
const STUBS: Record<string, string> = {
  uname: '[ "$1" = -m ] && echo "$STUB_ARCH"',
  'nvidia-smi': '[ "$STUB_GPU" = yes ] || exit 9; echo "NVIDIA GH200 480GB"',
  lspci: '[ "$STUB_GPU" = none ] || echo "0009:01:00.0 3D controller [0302]: NVIDIA Corporation GH100 [10de:2342]"',
  'dpkg-query': '[ "$STUB_PACKAGES" = done ] || exit 1; echo -n "$STUB_TOOLKIT_VERSION"',
  systemctl: 'case "$1" in is-active|is-enabled) [ "$STUB_PACKAGES" = done ];; esac',
  'apt-get': 'true',
  gpg: 'true',
  // Downloads: the "k3s binary" is a script reporting the pinned version; the checksum file
  // lists it (and an unrelated artefact) with its real sha256, or a wrong one when tampered.
  curl: `out=""; while [ $# -gt 1 ]; do [ "$1" = -o ] && out="$2"; shift; done; url="$1"; dir=$(dirname "$out")
case "$url" in
  */sha256sum-*.txt) echo "0000000000000000000000000000000000000000000000000000000000000000  k3s-airgap-images.tar" > "$out"
    for f in k3s k3s-arm64; do [ -f "$dir/$f" ] || continue
      if [ "$STUB_TAMPER" = yes ]; then echo "1111111111111111111111111111111111111111111111111111111111111111  $f"; else (cd "$dir" && sha256sum "$f"); fi >> "$out"; done ;;
  */k3s|*/k3s-arm64) printf '#!/bin/sh\\necho "k3s version %s (stub)"\\n' "$STUB_K3S_VERSION" > "$out" ;;
  *) echo key > "$out" ;;
esac`,
  // The cluster: "fresh" (not up), "registered" (Ready, nothing labelled or applied) or "done".
  kubectl: `shift 2; args="$*"
case "$STUB_CLUSTER:$args" in
  fresh:get*|fresh:diff*) exit 1 ;;
  *:get\\ node\\ *Ready*) echo True ;;
  done:get\\ node\\ *gpu\\\\.present*) echo true ;;
  done:get\\ node\\ *instance-type*) echo "$STUB_INSTANCE_TYPE" ;;
  done:get\\ node\\ *taints*) echo "present:NoSchedule" ;;
  registered:get\\ node*) echo "" ;;
  done:get\\ nodes\\ -l*) echo node/gh200-1 ;;
  registered:diff*) exit 1 ;;
  *\\ logs\\ gpu-check) echo "${NVIDIA_SMI_OUTPUT}" ;;
esac
exit 0`,
};

interface Host {
  arch?: 'aarch64' | 'x86_64';
  gpu?: 'yes' | 'none' | 'driverless';
  packages?: 'fresh' | 'done';
  cluster?: 'fresh' | 'registered' | 'done';
  tamper?: boolean;
  env?: Record<string, string>;
}

let scratch: string;
let stubs: string;
let root: string;
let callLog: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bootstrap-spec-'));
  stubs = join(scratch, 'bin');
  root = join(scratch, 'root');
  callLog = join(scratch, 'calls.log');
  execOk('mkdir', ['-p', stubs, root]);
  for (const [name, body] of Object.entries(STUBS)) {
    writeFileSync(join(stubs, name), `#!/bin/sh\necho "${name} $*" >> "$STUB_LOG"\n${body}\n`);
    chmodSync(join(stubs, name), 0o755);
  }
  writeFileSync(callLog, '');
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function bootstrap(args: string[], host: Host = {}) {
  const result = exec(SCRIPT, args, {
    env: {
      PATH: `${stubs}:/usr/bin:/bin`,
      HOME: scratch,
      BOOTSTRAP_ROOT: root,
      STUB_LOG: callLog,
      STUB_ARCH: host.arch ?? 'aarch64',
      STUB_GPU: host.gpu ?? 'yes',
      STUB_PACKAGES: host.packages ?? 'fresh',
      STUB_CLUSTER: host.cluster ?? 'fresh',
      STUB_TAMPER: host.tamper ? 'yes' : 'no',
      STUB_K3S_VERSION: K3S_VERSION,
      STUB_TOOLKIT_VERSION: TOOLKIT_VERSION,
      STUB_INSTANCE_TYPE: 'gpu_1x_gh200',
      ...host.env,
    },
  });
  const calls = readFileSync(callLog, 'utf8').split('\n').filter(Boolean);
  writeFileSync(callLog, '');
  return { ...result, calls, steps: [...result.stdout.matchAll(/^==> \d+\. (.*)$/gm)].map((m) => m[1]), commands: commandsOf(result.stdout) };
}

/** The lines the script prints for what it does (or would do): "+ <command>". */
const commandsOf = (stdout: string) => [...stdout.matchAll(/^ {4}\+ (.*)$/gm)].map((m) => m[1] as string);
/** Calls that change a host or cluster: none of these may run in a dry run. */
const CHANGING = /^(curl|apt-get|gpg|systemctl (enable|restart|daemon-reload)|kubectl .*\b(label|taint|apply|delete|wait|logs)\b)/;
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

/** What both roles do first on a fresh arm64 GPU node. */
const FIRST_STEPS_ON_A_GPU_NODE = ['detect architecture and GPUs', `NVIDIA container toolkit ${TOOLKIT_VERSION}`, `K3s ${K3S_VERSION} binary (arm64)`];
const SERVER = ['--role', 'server', '--tls-san', '203.0.113.7', '--tls-san', 'gpu.example.com', '--node-name', 'gh200-1', '--instance-type', 'gpu_1x_gh200'];
const agent = (tokenFile: string) => ['--role', 'agent', '--server-url', 'https://203.0.113.7:6443', '--token-file', tokenFile, '--node-name', 'gh200-2'];
const writeToken = () => {
  const file = join(scratch, 'token');
  writeFileSync(file, `${TOKEN}\n`);
  return file;
};

describe('bootstrap-node.sh', () => {
  it('is shellcheck-clean and documents itself', () => {
    expect(exec('shellcheck', [SCRIPT])).toMatchObject({ status: 0, stdout: '' });
    const help = bootstrap(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--role server\|agent/);
    expect(help.stdout).toMatch(/--dry-run/);
    expect(help.calls).toEqual([]);
  });

  it('refuses a server without --tls-san and an agent without URL or token, saying what to pass', () => {
    expect(bootstrap(['--role', 'server', '--dry-run'])).toMatchObject({ status: 1, stderr: expect.stringContaining('--tls-san') });
    expect(bootstrap(['--role', 'agent', '--dry-run', '--server-url', 'https://s:6443'])).toMatchObject({ status: 1, stderr: expect.stringContaining('K3S_TOKEN') });
  });

  it('--dry-run of a GPU server prints every step and command in order and changes nothing', () => {
    const run = bootstrap([...SERVER, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.steps).toEqual([
      ...FIRST_STEPS_ON_A_GPU_NODE,
      'K3s server configuration',
      'systemd unit k3s.service',
      'k3s service',
      'node gh200-1 ready',
      'GPU label and taint on gh200-1',
      'nvidia RuntimeClass and NVIDIA device plugin',
      'nvidia-smi check pod',
    ]);
    const order = [
      /apt-get install .*nvidia-container-toolkit=/,
      /^curl .*\/k3s-arm64$/,
      /sha256sum -c/,
      /^install .*\/usr\/local\/bin\/k3s$/,
      /^write .*\/etc\/rancher\/k3s\/config\.yaml/,
      /^write .*\/etc\/systemd\/system\/k3s\.service/,
      /^systemctl restart k3s\.service$/,
      /^wait until node gh200-1 is Ready/,
      /label node gh200-1 --overwrite nvidia\.com\/gpu\.present=true$/,
      /label node gh200-1 --overwrite lambda\.ai\/instance-type=gpu_1x_gh200$/,
      /taint node gh200-1 --overwrite nvidia\.com\/gpu=present:NoSchedule$/,
      /apply --server-side --field-manager=k3s-bootstrap -f .*runtime-class\.yaml$/,
      /apply --server-side --field-manager=k3s-bootstrap -f .*device-plugin\.yaml$/,
      /apply -f .*gpu-check-pod\.yaml$/,
      /wait --for=jsonpath=\{\.status\.phase\}=Succeeded pod\/gpu-check/,
      /logs gpu-check$/,
    ];
    const positions = order.map((pattern) => run.commands.findIndex((command) => pattern.test(command)));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(run.stdout).toContain('  - 203.0.113.7\n');
    expect(run.stdout).toContain('  - gpu.example.com\n');
    expect(run.calls.filter((call) => CHANGING.test(call))).toEqual([]);
    expect(filesUnder(root)).toEqual([]);
  });

  it('--dry-run of an agent joins with the token from a file or the environment and never prints it', () => {
    const fromFile = bootstrap([...agent(writeToken()), '--dry-run']);
    const fromEnv = bootstrap(['--role', 'agent', '--server-url', 'https://203.0.113.7:6443', '--node-name', 'gh200-2', '--dry-run'], { env: { K3S_TOKEN: TOKEN } });
    for (const run of [fromFile, fromEnv]) {
      expect(run.status).toBe(0);
      expect(run.steps).toEqual([
        ...FIRST_STEPS_ON_A_GPU_NODE,
        'join token',
        'K3s agent configuration',
        'systemd unit k3s-agent.service',
        'k3s-agent service',
      ]);
      expect(run.stdout).toContain('| server: https://203.0.113.7:6443\n');
      expect(run.stdout).toContain('| token-file: /etc/rancher/k3s/join-token\n');
      expect(run.stdout + run.stderr + run.calls.join('\n')).not.toContain(TOKEN);
      expect(run.calls.filter((call) => call.startsWith('kubectl') || CHANGING.test(call))).toEqual([]);
    }
    expect(filesUnder(root)).toEqual([]);
  });

  it('downloads the K3s release artefact and checksum file of the node architecture', () => {
    const downloads = (arch: Host['arch']) => bootstrap([...SERVER, '--dry-run'], { arch }).commands.filter((command) => /^curl .*k3s-io/.test(command));
    const release = `https://github.com/k3s-io/k3s/releases/download/${K3S_VERSION.replace('+', '%2B')}`;
    expect(downloads('aarch64')).toEqual([expect.stringMatching(` ${release}/k3s-arm64$`), expect.stringMatching(` ${release}/sha256sum-arm64.txt$`)]);
    expect(downloads('x86_64')).toEqual([expect.stringMatching(` ${release}/k3s$`), expect.stringMatching(` ${release}/sha256sum-amd64.txt$`)]);
    expect(bootstrap([...SERVER, '--dry-run'], { arch: 'x86_64' }).stdout).toContain('gh200-1: amd64');
  });

  it('an agent run installs everything once; the second run changes nothing', () => {
    const tokenFile = writeToken();
    const first = bootstrap(agent(tokenFile));
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.calls).toEqual(expect.arrayContaining([expect.stringMatching(/^apt-get install .*nvidia-container-toolkit=/), 'systemctl restart k3s-agent.service']));
    expect(execOk(join(root, 'usr/local/bin/k3s'), ['--version'])).toContain(K3S_VERSION);
    expect(readFileSync(join(root, 'etc/rancher/k3s/join-token'), 'utf8')).toBe(`${TOKEN}\n`);
    expect(readFileSync(join(root, 'etc/rancher/k3s/config.yaml'), 'utf8')).toContain('node-taint:\n  - nvidia.com/gpu=present:NoSchedule\n');
    expect(first.stdout + first.stderr).not.toContain(TOKEN);

    const second = bootstrap(agent(tokenFile), { packages: 'done' });
    expect(second.status).toBe(0);
    expect(second.commands).toEqual([]);
    expect(second.calls.filter((call) => CHANGING.test(call))).toEqual([]);
    expect(second.stdout).toContain(`ok: nvidia-container-toolkit ${TOOLKIT_VERSION} is installed`);
    expect(second.stdout).toContain('ok: k3s-agent is enabled and running');
  });

  it('a server run labels, taints, applies and prints nvidia-smi from the check pod; the second run only re-checks', () => {
    const first = bootstrap(SERVER, { cluster: 'registered' });
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.calls.filter((call) => /^kubectl .*\b(label|taint|apply --server-side)\b/.test(call)).length).toBe(5);
    expect(first.stdout).toContain(NVIDIA_SMI_OUTPUT);

    const second = bootstrap(SERVER, { cluster: 'done', packages: 'done' });
    expect(second.status).toBe(0);
    expect(second.commands.every((command) => /gpu-check/.test(command))).toBe(true);
    expect(second.calls.filter((call) => /^(curl|apt-get|systemctl (enable|restart))|kubectl .*\b(label|taint|apply --server-side)\b/.test(call))).toEqual([]);
    expect(second.stdout).toContain(NVIDIA_SMI_OUTPUT);
  });

  it('refuses a K3s binary whose sha256 does not match the release checksum file, and installs nothing', () => {
    const run = bootstrap(agent(writeToken()), { tamper: true });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('does not match');
    expect(existsSync(join(root, 'usr/local/bin/k3s'))).toBe(false);
  });

  it('gives a node without GPUs no toolkit, label or taint, and stops a GPU node without a driver', () => {
    const cpu = bootstrap([...SERVER, '--dry-run'], { gpu: 'none' });
    expect(cpu.status).toBe(0);
    expect(cpu.stdout).not.toMatch(/nvidia-container-toolkit|node-label|node-taint|label node|taint node/);
    expect(cpu.stdout).toContain('no GPU node has joined yet');
    const driverless = bootstrap([...SERVER, '--dry-run'], { gpu: 'driverless' });
    expect(driverless).toMatchObject({ status: 1, stderr: expect.stringContaining('install the NVIDIA driver') });
  });

  it('--no-gpu-taint labels the GPU node but leaves it open to other workloads', () => {
    const run = bootstrap([...SERVER, '--dry-run', '--no-gpu-taint']);
    expect(run.stdout).toContain('| node-label:\n');
    expect(run.stdout).not.toMatch(/node-taint|taint node/);
  });
});

describe('docs/deploy.md "From a bare Lambda GPU node"', () => {
  const docs = readFileSync(join(WORKSPACE_ROOT, 'docs', 'deploy.md'), 'utf8');
  const start = docs.indexOf('### From a bare Lambda GPU node');
  const section = docs.slice(start, docs.indexOf('\n## ', start));
  const lines = [...section.matchAll(/^(?:sudo )?\.\/bootstrap\/bootstrap-node\.sh (.*)$/gm)].map((m) => m[1] as string);

  it('documents a server, an agent and the re-run, and each line runs as a dry run on a GPU host', () => {
    expect(lines.map((line) => line.match(/--role (\w+)/)?.[1])).toEqual(['server', 'server', 'agent', 'server']);
    const tokenFile = writeToken();
    for (const line of lines) {
      const args = line.replaceAll('<server-ip>', '203.0.113.7').replace('/root/k3s-token', tokenFile).split(/\s+/).filter((arg) => arg !== '--dry-run');
      const run = bootstrap([...args, '--node-name', 'gh200-1', '--dry-run']);
      expect({ line, status: run.status, stderr: run.stderr }).toEqual({ line, status: 0, stderr: '' });
      expect(run.calls.filter((call) => CHANGING.test(call))).toEqual([]);
    }
  });
});

describe('k3s/bootstrap/manifests', () => {
  const load = (file: string) => parseManifest(readFileSync(join(MANIFESTS, file), 'utf8'));
  const runtimeClass = theOne(load('runtime-class.yaml'), 'RuntimeClass') as K8sObject & { handler: string };
  const daemonSet = theOne(load('device-plugin.yaml'), 'DaemonSet');
  const checkPod = theOne(load('gpu-check-pod.yaml'), 'Pod');

  /** The label and taint as the script writes them into a GPU node's K3s configuration. */
  const applied = () => {
    const { stdout } = bootstrap([...SERVER, '--dry-run']);
    const listIn = (key: string) => stdout.match(new RegExp(`\\| ${key}:\\n((?: {4}\\| {3}- .*\\n)+)`))?.[1]?.match(/- (.*)/g)?.map((item) => item.slice(2)) ?? [];
    return { labels: listIn('node-label'), taints: listIn('node-taint') };
  };

  it('are valid Kubernetes objects', () => {
    expect(() => new RuntimeClass(runtimeClass as never).validate()).not.toThrow();
    expect(schemaProblems(daemonSet)).toEqual([]);
    expect(schemaProblems(checkPod)).toEqual([]);
  });

  it('the device plugin and the check pod select the label and tolerate the taint the script gives GPU nodes', () => {
    const { labels, taints } = applied();
    const [gpuLabel] = labels;
    const [gpuTaint] = taints;
    expect(gpuLabel).toBe('nvidia.com/gpu.present=true');
    expect(gpuTaint).toBe('nvidia.com/gpu=present:NoSchedule');
    expect(taints).toHaveLength(1);
    const [labelKey, labelValue] = (gpuLabel as string).split('=');
    const [, taintKey, taintValue, taintEffect] = (gpuTaint as string).match(/^([^=]+)=([^:]+):(.+)$/) ?? [];
    for (const pod of [daemonSet.spec.template.spec, checkPod.spec]) {
      expect(pod.nodeSelector).toEqual({ [labelKey as string]: labelValue });
      expect(pod.tolerations).toEqual([{ key: taintKey, operator: 'Equal', value: taintValue, effect: taintEffect }]);
      expect(pod.runtimeClassName).toBe(runtimeClass.metadata.name);
    }
    expect(runtimeClass.handler).toBe('nvidia');
  });

  it('the check pod asks for one GPU and runs nvidia-smi; the device plugin image is pinned', () => {
    expect(checkPod.spec.containers[0]).toMatchObject({ command: ['nvidia-smi'], resources: { limits: { 'nvidia.com/gpu': 1 } } });
    expect(checkPod.spec.restartPolicy).toBe('Never');
    expect(daemonSet.spec.template.spec.containers[0].image).toBe(`nvcr.io/nvidia/k8s-device-plugin:${daemonSet.metadata.labels?.['app.kubernetes.io/version']}`);
  });
});
