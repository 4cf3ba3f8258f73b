// The part of autocannon 8 (no bundled types; @types/autocannon describes 7) that load.mjs uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    method: string;
    headers: Record<string, string>;
    body: string;
    connections: number;
    duration: number;
    timeout: number;
    requests: Array<{ onResponse: (status: number, body: string) => void }>;
  }
  interface Result {
    errors: number;
    timeouts: number;
  }
  interface Instance {
    stop(): void;
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): this;
  }
  function autocannon(options: Options, done: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
