import type { RequestGuard } from './guard';
import { sendJsonRpcError } from './json-rpc-error';

/**
 * RFC 9110 Host: `uri-host [ ":" port ]`, where uri-host is a registered name, an IPv4
 * address or a bracketed IPv6 literal. No userinfo, path or spaces: `evil.com@localhost`
 * reads as localhost to a URL parser, and must not pass as it.
 */
const HOST_HEADER = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?$/;

/** The lower-cased host name of a Host header, or undefined when it is not a well-formed one. */
export function hostnameOf(header: string): string | undefined {
  const match = HOST_HEADER.exec(header);
  if (!match?.[1] || (match[2] !== undefined && Number(match[2]) > 65_535)) return undefined;
  return match[1].toLowerCase();
}

/**
 * DNS-rebinding guard: a request whose Host is not one of `allowedHostnames` (any port) is refused
 * with 403, a malformed or repeated Host (RFC 9112 §3.2: answer 400) with 400.
 */
export function hostGuard(allowedHostnames: string[]): RequestGuard {
  const allowed = new Set(allowedHostnames.map((name) => name.toLowerCase()));
  return (req, res) => {
    const hosts = req.rawHeaders.filter((_value, index) => index % 2 === 0 && /^host$/i.test(req.rawHeaders[index] ?? ''));
    if (hosts.length !== 1) {
      sendJsonRpcError(res, 400, `Bad Request: exactly one Host header is required (got ${hosts.length}).`);
      return false;
    }
    const hostname = hostnameOf(req.headers.host ?? '');
    if (!hostname) {
      sendJsonRpcError(res, 400, 'Bad Request: malformed Host header.');
      return false;
    }
    if (!allowed.has(hostname)) {
      sendJsonRpcError(res, 403, `Invalid Host: ${hostname} (allowed: MCP_ALLOWED_HOSTS).`);
      return false;
    }
    return true;
  };
}
