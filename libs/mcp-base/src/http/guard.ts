import type { IncomingMessage, ServerResponse } from 'node:http';

/** A check in front of POST /mcp: true lets the request on, false means it has already been answered. */
export type RequestGuard = (req: IncomingMessage, res: ServerResponse) => boolean;
