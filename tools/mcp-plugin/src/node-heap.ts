/**
 * The V8 heap flags every server runs with, derived from its manifest's memory limit: the pod (as
 * NODE_OPTIONS in its k3s overlay), `npm start` and the benchmark's app rows use exactly these.
 *
 * Why: with no flags V8 sizes its heap for the machine, not the pod. Node reads the cgroup limit but
 * never goes below a ~259 MiB heap, and a 16 MiB young-generation semi-space lets RSS double under
 * load (a SaaS server: ~90 → ~190 MiB at 16 clients) before the old generation is collected.
 *  - `--max-semi-space-size=8`: half the default young generation. Measured with `npm run bench --
 *    --heap-compare` (github-mcp, gong-mcp, slack-mcp at 16 clients): 2 MiB kept only 0.64–0.80× of
 *    the throughput (request garbage promoted, old-generation collections), 8 MiB keeps ~0.96×.
 *  - `--max-old-space-size` = three quarters of the limit: the old generation alone decides the peak
 *    under load (without a cap ~180 MiB, with one ~113 MiB), and at half the limit its collections cost
 *    another ~5–10 % throughput; the rest of the limit is node itself (~45 MiB), code, buffers, the
 *    young generation and, for an embedded store, PGlite's WebAssembly memory (outside the V8 heap).
 */
export const SEMI_SPACE_MIB = 8;

const UNITS: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A Kubernetes memory quantity ("128Mi", "1Gi", "268435456", "256M") in MiB. */
export function quantityMib(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(|m|k|M|G|T|Ki|Mi|Gi|Ti)$/.exec(quantity.trim());
  if (!match) throw new Error(`"${quantity}" is not a memory quantity this workspace understands: use Mi or Gi, e.g. "128Mi"`);
  return (Number(match[1]) * UNITS[match[2]]) / 2 ** 20;
}

/** The node flags for a server whose container memory limit is `memoryLimit`. */
export function nodeHeapFlags(memoryLimit: string): string[] {
  const oldSpaceMib = Math.floor((quantityMib(memoryLimit) * 3) / 4);
  return [`--max-semi-space-size=${SEMI_SPACE_MIB}`, `--max-old-space-size=${oldSpaceMib}`];
}
