/**
 * GitHub Actions job logs: plain text, every line led by its ISO timestamp. The part that explains a
 * failure is the end of the failing step, found by the step's start and end times.
 */

export interface JobStep {
  number: number;
  name: string;
  conclusion: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

const FAILED_STEP = new Set(['failure', 'timed_out', 'cancelled']);
const LEADING_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z) ?/;

/** The first step that failed (later ones are usually skipped or cleanup). */
export function failedStep(steps: readonly JobStep[] | undefined): JobStep | undefined {
  return steps?.find((step) => FAILED_STEP.has(step.conclusion ?? ''));
}

export interface LogTail {
  /** The last lines, timestamps removed, cut from the front to maxChars. */
  text: string;
  /** Lines in the part the tail was taken from (the failing step's, or the whole log). */
  lines: number;
  truncated: boolean;
}

/** The last `tailLines` lines of the step's part of the log (the whole log when there is no step or no match). */
export function logTail(log: string, step: JobStep | undefined, tailLines: number, maxChars: number): LogTail {
  const all = log.replace(/\r?\n$/, '').split(/\r?\n/);
  const section = (step && linesOfStep(all, step)) || all;
  const tail = section.slice(-tailLines).map((line) => line.replace(LEADING_TIMESTAMP, ''));
  const text = tail.join('\n');
  const dropped = Math.max(0, text.length - maxChars);
  return {
    text: dropped > 0 ? `… [cut: ${dropped} earlier characters not shown]\n${text.slice(dropped)}` : text,
    lines: section.length,
    truncated: tail.length < section.length || dropped > 0,
  };
}

/** Lines stamped within the step's run (step times have whole seconds); undefined when none are. */
function linesOfStep(lines: readonly string[], step: JobStep): string[] | undefined {
  const start = Date.parse(step.started_at ?? '');
  const end = Date.parse(step.completed_at ?? '');
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  const from = Math.floor(start / 1000) * 1000;
  const until = Math.floor(end / 1000) * 1000 + 1000;
  let time = Number.NaN;
  const inStep = lines.filter((line) => {
    const stamp = LEADING_TIMESTAMP.exec(line)?.[1];
    // A line without its own stamp continues the one before it.
    if (stamp) time = Date.parse(stamp);
    return time >= from && time < until;
  });
  return inStep.length > 0 ? inStep : undefined;
}
