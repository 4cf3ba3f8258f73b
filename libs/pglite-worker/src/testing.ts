import { readFileSync } from 'node:fs';

/** Test support for the memory bound: what a process holds in RAM, and what its manifest allows. */

/** Resident memory of process `pid` now and at its peak (VmHWM), in MiB, from /proc (Linux). */
export function processMemoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${key}`);
    return Number(match[1]) / 1024;
  };
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** The memory limit (MiB) an app's mcp-server.json gives its deployment, e.g. "320Mi" → 320. */
export function manifestMemoryLimitMiB(manifestPath: string): number {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { deployment?: { resources?: { limits?: { memory?: string } } } };
  const limit = manifest.deployment?.resources?.limits?.memory;
  const match = /^(\d+)(Mi|Gi)$/.exec(limit ?? '');
  if (!match) throw new Error(`${manifestPath}: deployment.resources.limits.memory should be like "320Mi", got ${String(limit)}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}
