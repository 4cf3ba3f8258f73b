import { readFileSync } from 'node:fs';

/** A process's resident memory (VmRSS) in MiB, read from /proc; undefined where there is none (not Linux, gone). */
export function residentMib(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/** "1180 MiB RSS in all" over the given processes, or undefined when none could be read. */
export function totalResident(pids: ReadonlyArray<number | undefined>): string | undefined {
  const known = pids.map(residentMib).filter((mib): mib is number => mib !== undefined);
  if (known.length === 0) return undefined;
  const total = Math.round(known.reduce((sum, mib) => sum + mib, 0));
  return `${total} MiB RSS in all${known.length < pids.length ? ` (${known.length} of ${pids.length} read)` : ''}`;
}
