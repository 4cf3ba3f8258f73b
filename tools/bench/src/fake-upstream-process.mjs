// A fake upstream (servers/fake-upstream.ts) as a child process, and what it says about its own time.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { FAKE_UPSTREAM_BUNDLE, ROOT } from './paths.mjs';
import { stopChild, track } from './processes.mjs';

/**
 * @typedef {object} UpstreamWindow
 * @property {number} requests  requests answered in the window
 * @property {number} busyMs    time at least one request was in flight
 * @property {number} connections  TCP connections opened in the window
 * @property {Record<string, number>} routes  requests by route since start
 */

/**
 * @typedef {object} FakeUpstream
 * @property {string} url
 * @property {(from: number, to: number) => Promise<UpstreamWindow>} window  its own time between two epoch-ms instants
 * @property {() => Promise<void>} stop
 */

/**
 * @param {string} app
 * @returns {Promise<FakeUpstream>}
 */
export async function startFakeUpstream(app) {
  const child = track(spawn(process.execPath, [FAKE_UPSTREAM_BUNDLE, app], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fake ${app} upstream did not start within 15 s`)), 15_000);
    child.once('exit', (code) => reject(new Error(`fake ${app} upstream exited with ${code} before listening`)));
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const message = JSON.parse(line);
        if (message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      } catch {
        // not ours
      }
    });
  });
  return {
    url,
    window: async (from, to) => {
      const res = await fetch(`${url}/__bench/stats?from=${from}&to=${to}`, { signal: AbortSignal.timeout(5000) });
      return /** @type {UpstreamWindow} */ (await res.json());
    },
    stop: () => stopChild(child, 3000),
  };
}
