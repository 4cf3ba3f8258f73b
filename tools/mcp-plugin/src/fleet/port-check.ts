import { createServer } from 'node:net';
import { CliError } from './cli-error';
import type { FleetServer } from './select-servers';

/**
 * Whether `port` can be bound on `host` right now, tested by binding it for a moment:
 * the only check that agrees with what the server's own listen() will do (it also
 * catches a process bound to 0.0.0.0 or [::] on that port).
 */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Fails, naming every taken port and its server, unless all ports are free. */
export async function assertPortsFree(servers: readonly FleetServer[], host: string): Promise<void> {
  const taken: FleetServer[] = [];
  for (const server of servers) if (!(await isPortFree(server.port, host))) taken.push(server);
  if (taken.length === 0) return;
  const lines = taken.map((server) => `port ${server.port} (${server.name}) is already in use on ${host}`);
  throw new CliError(
    `${lines.join('\n')}\nNothing was started. Stop whatever holds the port (e.g. \`lsof -i :${taken[0].port}\`), ` +
      'or start only the other servers: npm start -- <name> ...',
  );
}
