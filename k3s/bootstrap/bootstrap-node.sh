#!/usr/bin/env bash
# Turns a bare Lambda node (Ubuntu with the NVIDIA driver, amd64 or arm64/GH200) into a K3s server
# or agent. Idempotent: every step checks the node first and acts only when something is missing,
# so re-running changes nothing that is already done. --dry-run runs only the read-only checks and
# prints every command it would run.
set -euo pipefail

# Pinned versions: change them here (and in manifests/), nowhere else.
readonly K3S_VERSION="v1.32.4+k3s1"
readonly NVIDIA_CTK_VERSION="1.17.8-1"

# What marks a GPU node. manifests/device-plugin.yaml and manifests/gpu-check-pod.yaml select and
# tolerate exactly these (tools/delivery/test/bootstrap.spec.ts keeps them equal).
readonly GPU_LABEL="nvidia.com/gpu.present=true"
readonly GPU_TAINT="nvidia.com/gpu=present:NoSchedule"
readonly INSTANCE_TYPE_LABEL_KEY="lambda.ai/instance-type"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly MANIFESTS="${SCRIPT_DIR}/manifests"
# Prefix for every path the script writes; empty on a real node (the tests point it at a scratch dir).
readonly ROOT="${BOOTSTRAP_ROOT:-}"
readonly CONFIG_DIR="${ROOT}/etc/rancher/k3s"
readonly BIN_DIR="${ROOT}/usr/local/bin"
readonly TOKEN_PATH="/etc/rancher/k3s/join-token"
readonly KUBECONFIG_PATH="${ROOT}/etc/rancher/k3s/k3s.yaml"

usage() {
  cat <<'EOF'
Usage: bootstrap-node.sh --role server|agent [options]

Installs K3s (pinned) on this node; on a node with NVIDIA GPUs also the NVIDIA container toolkit,
the GPU label and taint. The server role then applies the nvidia RuntimeClass and the NVIDIA
device plugin and runs a pod that prints nvidia-smi on a GPU node. Safe to re-run.

Options:
  --role server|agent     required
  --tls-san ADDR          server: the node's public IP or DNS name for the API certificate (repeatable, at least one)
  --server-url URL        agent: https://<server>:6443 (or env K3S_URL)
  --token-file FILE       agent (optional on a server): file holding the join token (or env K3S_TOKEN);
                          the token is never printed
  --node-name NAME        Kubernetes node name (default: this host's name)
  --instance-type TYPE    Lambda instance type label, e.g. gpu_1x_gh200 (or env LAMBDA_INSTANCE_TYPE)
  --no-gpu-taint          keep general workloads allowed on GPU nodes (a one-node cluster needs this)
  --dry-run               run only the read-only checks; print every command that would change the node
                          (with sudo on a configured node, so the checks can read its root-only files)
  -h, --help              this text

The join token of a server is in /var/lib/rancher/k3s/server/node-token.
EOF
}

fail() {
  echo "bootstrap-node: $*" >&2
  exit 1
}

ROLE=""
DRY_RUN=false
TLS_SANS=()
SERVER_URL="${K3S_URL:-}"
TOKEN_FILE=""
NODE_NAME=""
INSTANCE_TYPE="${LAMBDA_INSTANCE_TYPE:-}"
TAINT_GPU=true

while (($#)); do
  case "$1" in
    --role) ROLE="${2:-}"; shift 2 ;;
    --tls-san) TLS_SANS+=("${2:-}"); shift 2 ;;
    --server-url) SERVER_URL="${2:-}"; shift 2 ;;
    --token-file) TOKEN_FILE="${2:-}"; shift 2 ;;
    --node-name) NODE_NAME="${2:-}"; shift 2 ;;
    --instance-type) INSTANCE_TYPE="${2:-}"; shift 2 ;;
    --no-gpu-taint) TAINT_GPU=false; shift ;;
    --dry-run) DRY_RUN=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument: $1" ;;
  esac
done

case "$ROLE" in
  server) ((${#TLS_SANS[@]})) || fail "--role server needs --tls-san <public IP or DNS name> so kubectl can reach the API from outside" ;;
  agent)
    [[ -n "$SERVER_URL" ]] || fail "--role agent needs --server-url https://<server>:6443 (or K3S_URL)"
    [[ -n "$TOKEN_FILE" || -n "${K3S_TOKEN:-}" ]] || fail "--role agent needs --token-file FILE or K3S_TOKEN (the server's /var/lib/rancher/k3s/server/node-token)"
    ;;
  *) usage >&2; fail "--role must be server or agent" ;;
esac
[[ -z "$TOKEN_FILE" || -r "$TOKEN_FILE" ]] || fail "cannot read the token file $TOKEN_FILE"
[[ -z "$INSTANCE_TYPE" || "$INSTANCE_TYPE" =~ ^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$ ]] ||
  fail "--instance-type '$INSTANCE_TYPE' is not a valid label value (letters, digits, _ . -)"
$DRY_RUN || ((EUID == 0)) || [[ -n "$ROOT" ]] || fail "run as root (sudo), or with --dry-run to see the steps"
NODE_NAME="${NODE_NAME:-$(hostname)}"
NODE_NAME="${NODE_NAME,,}"

STEP=0

step() {
  STEP=$((STEP + 1))
  echo "==> ${STEP}. $*"
}

ok() {
  echo "    ok: $*"
}

# Prints a command that changes the node, then runs it unless this is a dry run.
run() {
  echo "    + $*"
  $DRY_RUN || "$@"
}

# Writes a file (mode $2) unless it already has exactly this content; returns 1 when nothing changed.
# A secret file (mode 0600 with show=hidden) is never printed.
write_file() {
  local path="$1" mode="$2" content="$3" show="${4:-shown}"
  if [[ -f "$path" && "$(cat "$path")" == "$content" ]]; then
    ok "$path is up to date"
    return 1
  fi
  echo "    + write $path (mode $mode)"
  if [[ "$show" == shown ]]; then
    local line
    while IFS= read -r line; do echo "    | ${line}"; done <<<"$content"
  fi
  if ! $DRY_RUN; then
    mkdir -p "$(dirname "$path")"
    (umask 077 && printf '%s\n' "$content" >"$path.tmp")
    chmod "$mode" "$path.tmp"
    mv "$path.tmp" "$path"
  fi
}

KUBECTL=(kubectl --kubeconfig "$KUBECONFIG_PATH")

# Waits (up to $1 tries, 5 s apart) for a read-only check to pass; prints what it waits for.
wait_until() {
  local tries="$1" what="$2"
  shift 2
  echo "    + wait until ${what} (up to $((tries * 5)) s)"
  $DRY_RUN && return 0
  for ((i = 0; i < tries; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 5
  done
  fail "timed out waiting until ${what}"
}

# --- 1. What this node is -------------------------------------------------------------------
step "detect architecture and GPUs"
case "$(uname -m)" in
  x86_64 | amd64) ARCH=amd64; K3S_ARTEFACT=k3s ;;
  aarch64 | arm64) ARCH=arm64; K3S_ARTEFACT=k3s-arm64 ;;
  *) fail "unsupported architecture $(uname -m): K3s on Lambda needs amd64 or arm64" ;;
esac
GPU_COUNT=0
if command -v nvidia-smi >/dev/null && GPUS="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null)"; then
  GPU_COUNT="$(grep -c . <<<"$GPUS" || true)"
elif command -v lspci >/dev/null && lspci -nn 2>/dev/null | grep -qi 'nvidia'; then
  fail "this node has NVIDIA GPUs but nvidia-smi does not work: install the NVIDIA driver (Lambda Stack) and reboot first"
fi
echo "    node ${NODE_NAME}: ${ARCH}, ${GPU_COUNT} NVIDIA GPU(s)${INSTANCE_TYPE:+, instance type ${INSTANCE_TYPE}}"

# --- 2. NVIDIA container toolkit (GPU nodes) -----------------------------------------------
TOOLKIT_CHANGED=false
if ((GPU_COUNT > 0)); then
  step "NVIDIA container toolkit ${NVIDIA_CTK_VERSION}"
  # shellcheck disable=SC2016 # ${Version} is dpkg-query's field, not a shell variable.
  if [[ "$(dpkg-query -W -f='${Version}' nvidia-container-toolkit 2>/dev/null || true)" == "$NVIDIA_CTK_VERSION" ]]; then
    ok "nvidia-container-toolkit ${NVIDIA_CTK_VERSION} is installed"
  else
    TOOLKIT_CHANGED=true
    keyring=/usr/share/keyrings/nvidia-container-toolkit-keyring.gpg
    run mkdir -p "${ROOT}/tmp" "${ROOT}/usr/share/keyrings"
    run curl -fsSL -o "${ROOT}/tmp/nvidia-container-toolkit.gpgkey" https://nvidia.github.io/libnvidia-container/gpgkey
    run gpg --batch --yes --dearmor -o "${ROOT}${keyring}" "${ROOT}/tmp/nvidia-container-toolkit.gpgkey"
    # $(ARCH) is apt's own variable, expanded by apt, not by this shell.
    # shellcheck disable=SC2016
    write_file "${ROOT}/etc/apt/sources.list.d/nvidia-container-toolkit.list" 0644 \
      "deb [signed-by=${keyring}] https://nvidia.github.io/libnvidia-container/stable/deb/\$(ARCH) /" || true
    run apt-get update -q
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --allow-downgrades \
      "nvidia-container-toolkit=${NVIDIA_CTK_VERSION}" "nvidia-container-toolkit-base=${NVIDIA_CTK_VERSION}" \
      "libnvidia-container-tools=${NVIDIA_CTK_VERSION}" "libnvidia-container1=${NVIDIA_CTK_VERSION}"
  fi
fi

# --- 3. K3s binary (release artefact for this architecture, sha256-verified) ----------------
step "K3s ${K3S_VERSION} binary (${ARCH})"
BINARY_CHANGED=false
if [[ -x "${BIN_DIR}/k3s" ]] && "${BIN_DIR}/k3s" --version 2>/dev/null | grep -qF "k3s version ${K3S_VERSION} "; then
  ok "${BIN_DIR}/k3s is ${K3S_VERSION}"
else
  BINARY_CHANGED=true
  release="https://github.com/k3s-io/k3s/releases/download/${K3S_VERSION//+/%2B}"
  work="${ROOT}/tmp/k3s-bootstrap"
  run mkdir -p "$work"
  run curl -fsSL -o "${work}/${K3S_ARTEFACT}" "${release}/${K3S_ARTEFACT}"
  run curl -fsSL -o "${work}/sha256sum-${ARCH}.txt" "${release}/sha256sum-${ARCH}.txt"
  # sha256sum -c checks the one line naming our artefact; a missing line or a mismatch stops here.
  echo "    + (cd ${work} && grep -E ' ${K3S_ARTEFACT}\$' sha256sum-${ARCH}.txt | sha256sum -c -)"
  $DRY_RUN || (cd "$work" && grep -E " ${K3S_ARTEFACT}\$" "sha256sum-${ARCH}.txt" | sha256sum -c -) ||
    fail "the downloaded ${K3S_ARTEFACT} does not match the release's sha256sum-${ARCH}.txt"
  run install -D -m 0755 "${work}/${K3S_ARTEFACT}" "${BIN_DIR}/k3s"
  for tool in kubectl crictl ctr; do
    run ln -sf k3s "${BIN_DIR}/${tool}"
  done
fi

# --- 4. Join token (never printed) ------------------------------------------------------------
CONFIG_CHANGED=false
if [[ -n "$TOKEN_FILE" || -n "${K3S_TOKEN:-}" ]]; then
  step "join token"
  token="${K3S_TOKEN:-}"
  [[ -z "$TOKEN_FILE" ]] || token="$(<"$TOKEN_FILE")"
  [[ -n "$token" ]] || fail "the join token is empty"
  if write_file "${ROOT}${TOKEN_PATH}" 0600 "$token" hidden; then CONFIG_CHANGED=true; fi
  unset token
fi

# --- 5. K3s configuration -----------------------------------------------------------------------
step "K3s ${ROLE} configuration"
config="# Written by k3s/bootstrap/bootstrap-node.sh; re-run it to change this file.
node-name: ${NODE_NAME}"
if [[ "$ROLE" == server ]]; then
  config+="
write-kubeconfig-mode: \"0600\"
secrets-encryption: true
tls-san:"
  for san in "${TLS_SANS[@]}"; do config+=$'\n'"  - ${san}"; done
else
  config+=$'\n'"server: ${SERVER_URL}"
fi
[[ -z "$TOKEN_FILE" && -z "${K3S_TOKEN:-}" ]] || config+=$'\n'"token-file: ${TOKEN_PATH}"
if ((GPU_COUNT > 0)); then
  # Labels and taints are applied when the node registers; the server re-checks its own node below.
  config+=$'\n'"node-label:"$'\n'"  - ${GPU_LABEL}"
  [[ -z "$INSTANCE_TYPE" ]] || config+=$'\n'"  - ${INSTANCE_TYPE_LABEL_KEY}=${INSTANCE_TYPE}"
  ! $TAINT_GPU || config+=$'\n'"node-taint:"$'\n'"  - ${GPU_TAINT}"
fi
if write_file "${CONFIG_DIR}/config.yaml" 0600 "$config"; then CONFIG_CHANGED=true; fi

# --- 6. systemd unit ------------------------------------------------------------------------------
if [[ "$ROLE" == server ]]; then UNIT=k3s; NOTIFY="notify"; else UNIT=k3s-agent; NOTIFY="exec"; fi
step "systemd unit ${UNIT}.service"
unit="[Unit]
Description=K3s ${ROLE} (k3s/bootstrap/bootstrap-node.sh)
Documentation=https://docs.k3s.io
Wants=network-online.target
After=network-online.target

[Service]
Type=${NOTIFY}
KillMode=process
Delegate=yes
LimitNOFILE=1048576
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
TimeoutStartSec=0
Restart=always
RestartSec=5s
ExecStartPre=-/sbin/modprobe br_netfilter
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/local/bin/k3s ${ROLE}

[Install]
WantedBy=multi-user.target"
if write_file "${ROOT}/etc/systemd/system/${UNIT}.service" 0644 "$unit"; then
  CONFIG_CHANGED=true
  run systemctl daemon-reload
fi

# --- 7. Service running on the current binary, config and toolkit -----------------------------
step "${UNIT} service"
if $BINARY_CHANGED || $CONFIG_CHANGED || $TOOLKIT_CHANGED; then
  # K3s looks for nvidia-container-runtime when it starts and only then adds the nvidia runtime
  # to its containerd config, so a new toolkit needs a (re)start too.
  run systemctl enable "${UNIT}.service"
  run systemctl restart "${UNIT}.service"
elif systemctl is-active --quiet "${UNIT}.service" && systemctl is-enabled --quiet "${UNIT}.service"; then
  ok "${UNIT} is enabled and running"
else
  run systemctl enable --now "${UNIT}.service"
fi

if [[ "$ROLE" == agent ]]; then
  echo "done: agent ${NODE_NAME} joins ${SERVER_URL}; re-run the server's bootstrap to check its GPUs with a pod."
  exit 0
fi

# --- 8. Server: node ready -----------------------------------------------------------------------
step "node ${NODE_NAME} ready"
node_ready() {
  "${KUBECTL[@]}" get node "$NODE_NAME" -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null | grep -qx True
}
if node_ready; then
  ok "${NODE_NAME} is Ready"
else
  wait_until 60 "node ${NODE_NAME} is Ready" node_ready
fi

# --- 9. Server: its own GPU label and taint (a node registered before this script lacks them) ------
if ((GPU_COUNT > 0)); then
  step "GPU label and taint on ${NODE_NAME}"
  labels=("$GPU_LABEL")
  [[ -z "$INSTANCE_TYPE" ]] || labels+=("${INSTANCE_TYPE_LABEL_KEY}=${INSTANCE_TYPE}")
  for label in "${labels[@]}"; do
    key="${label%%=*}"
    if [[ "$("${KUBECTL[@]}" get node "$NODE_NAME" -o "jsonpath={.metadata.labels.${key//./\\.}}" 2>/dev/null || true)" == "${label#*=}" ]]; then
      ok "label ${label}"
    else
      run "${KUBECTL[@]}" label node "$NODE_NAME" --overwrite "$label"
    fi
  done
  if $TAINT_GPU; then
    taint_key="${GPU_TAINT%%=*}"
    taint_rest="${GPU_TAINT#*=}"
    if [[ "$("${KUBECTL[@]}" get node "$NODE_NAME" -o "jsonpath={.spec.taints[?(@.key==\"${taint_key}\")].value}:{.spec.taints[?(@.key==\"${taint_key}\")].effect}" 2>/dev/null || true)" == "$taint_rest" ]]; then
      ok "taint ${GPU_TAINT}"
    else
      run "${KUBECTL[@]}" taint node "$NODE_NAME" --overwrite "$GPU_TAINT"
    fi
  fi
fi

# --- 10. Server: RuntimeClass and device plugin ------------------------------------------------------
step "nvidia RuntimeClass and NVIDIA device plugin"
for manifest in runtime-class.yaml device-plugin.yaml; do
  # kubectl diff exits 0 when the cluster already matches the manifest.
  if "${KUBECTL[@]}" diff --server-side --field-manager=k3s-bootstrap -f "${MANIFESTS}/${manifest}" >/dev/null 2>&1; then
    ok "${manifest} is applied"
  else
    run "${KUBECTL[@]}" apply --server-side --field-manager=k3s-bootstrap -f "${MANIFESTS}/${manifest}"
  fi
done

# --- 11. Server: nvidia-smi in a pod on a GPU node -------------------------------------------------
step "nvidia-smi check pod"
if ((GPU_COUNT == 0)) && [[ -z "$("${KUBECTL[@]}" get nodes -l "$GPU_LABEL" -o name 2>/dev/null || true)" ]]; then
  echo "    no GPU node has joined yet: run this again once the GPU agents have joined."
  exit 0
fi
run "${KUBECTL[@]}" -n kube-system delete pod gpu-check --ignore-not-found --wait=true
run "${KUBECTL[@]}" apply -f "${MANIFESTS}/gpu-check-pod.yaml"
if ! run "${KUBECTL[@]}" -n kube-system wait --for=jsonpath='{.status.phase}'=Succeeded pod/gpu-check --timeout=600s; then
  "${KUBECTL[@]}" -n kube-system describe pod gpu-check >&2 || true
  "${KUBECTL[@]}" -n kube-system logs gpu-check >&2 || true
  fail "the GPU check pod did not succeed (see above); the device plugin pods: kubectl -n kube-system get pods -l app.kubernetes.io/name=nvidia-device-plugin -o wide"
fi
run "${KUBECTL[@]}" -n kube-system logs gpu-check
echo "done: server ${NODE_NAME}; kubeconfig in /etc/rancher/k3s/k3s.yaml, join token in /var/lib/rancher/k3s/server/node-token."
