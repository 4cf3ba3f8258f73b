// Resident memory of a server process, read from /proc (Linux); NaN elsewhere.
import { readFileSync } from 'node:fs';

/**
 * VmRSS of a process in MB (MiB), NaN when unknown.
 * @param {number | undefined} pid
 */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Samples the RSS of a process every `everyMs` until stopped; `stop()` gives the highest seen.
 * @param {number | undefined} pid
 * @param {number} [everyMs]
 */
export function sampleRssPeak(pid, everyMs = 200) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (!(now <= peak)) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = rssMb(pid);
      return Number.isFinite(now) && !(now <= peak) ? now : peak;
    },
  };
}
