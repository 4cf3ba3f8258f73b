import { rawRequest } from './http-harness';

/** Resolves once /readyz answers 200 (a server listens before its store is open); throws after `timeoutMs`. */
export async function waitUntilReady(baseUrl: string, timeoutMs = 90_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if ((await rawRequest(`${baseUrl}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl}/readyz did not answer ready within ${timeoutMs} ms`);
}

/**
 * Probes /healthz every `intervalMs` until `until` settles (e.g. a slow tool call) and resolves
 * with the slowest answer in ms; a probe that fails or does not answer 200 rejects.
 */
export async function slowestHealthz(baseUrl: string, until: Promise<unknown>, intervalMs = 100): Promise<number> {
  let done = false;
  void until.then(
    () => (done = true),
    () => (done = true),
  );
  let slowest = 0;
  while (!done) {
    const started = Date.now();
    const { status } = await rawRequest(`${baseUrl}/healthz`);
    if (status !== 200) throw new Error(`/healthz answered ${status} while the call ran`);
    slowest = Math.max(slowest, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return slowest;
}
