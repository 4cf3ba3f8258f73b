// Load on one server: autocannon from this process, every response checked, exact response times.
import autocannon from 'autocannon';
import { ERROR_KINDS, MCP_HEADERS, classify } from './mcp-response.mjs';

/** @typedef {Record<import('./mcp-response.mjs').Outcome, number>} Counts */

/**
 * @typedef {object} LoadResult
 * @property {Float64Array} sorted  response times (ms) of the measured window, ascending
 * @property {Counts} counts        outcomes in the measured window
 * @property {number} wrong         wrong answers in the measured window (non-200, JSON-RPC or tool error, wrong result, bad body)
 * @property {number} warmupErrors
 * @property {number} socketErrors  socket errors and timeouts, both phases
 * @property {number} seconds       length of the measured window
 * @property {number} from          the measured window in epoch ms (what the fake upstream's clock reads)
 * @property {number} to
 * @property {string | undefined} firstError
 */

/** @type {{ stop: () => void } | undefined} */
let current;

/** Stops the load in flight (on Ctrl-C and the watchdog). */
export const stopCurrentLoad = () => current?.stop();

const epochNow = () => performance.timeOrigin + performance.now();
const zeroCounts = () => /** @type {Counts} */ (Object.fromEntries(['ok', ...ERROR_KINDS].map((kind) => [kind, 0])));

/**
 * One continuous autocannon run of warm-up + measured seconds; only responses that complete
 * inside the measured window count. (Two separate runs would cut the warm-up's in-flight calls at
 * the boundary, and their aftermath would land in the measurement.)
 * @param {{ url: string, body: string, verify: (text: string) => boolean, connections: number, warmup: number, duration: number }} spec
 * @returns {Promise<LoadResult>}
 */
export function runLoad({ url, body, verify, connections, warmup, duration }) {
  const counts = zeroCounts();
  const warmupCounts = zeroCounts();
  /** @type {number[]} */
  const samples = [];
  /** @type {string | undefined} */
  let firstError;
  const started = epochNow();
  const from = started + warmup * 1000;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: MCP_HEADERS,
        body,
        connections,
        duration: warmup + duration,
        timeout: 10,
        requests: [
          {
            onResponse: (status, responseBody) => {
              const outcome = classify(status, responseBody, verify);
              (epochNow() >= from ? counts : warmupCounts)[outcome] += 1;
              if (outcome !== 'ok' && !firstError) firstError = `${outcome}: HTTP ${status} ${String(responseBody).slice(0, 400)}`;
            },
          },
        ],
      },
      (error, result) => {
        const to = epochNow();
        current = undefined;
        if (error) return reject(error);
        const wrong = (/** @type {Counts} */ tally) => ERROR_KINDS.reduce((sum, kind) => sum + tally[kind], 0);
        resolve({
          sorted: Float64Array.from(samples).sort(),
          counts,
          wrong: wrong(counts),
          warmupErrors: wrong(warmupCounts),
          socketErrors: result.errors + result.timeouts,
          seconds: Math.max(0, to - from) / 1000,
          from,
          to,
          firstError,
        });
      },
    );
    current = instance;
    // autocannon's own histogram has whole-millisecond resolution; keep exact times.
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      if (epochNow() >= from) samples.push(responseTime);
    });
  });
}
