import { Server } from 'node:http';

/**
 * Node closes an idle keep-alive connection after 5 s. A client (or a reverse proxy) that
 * picks that socket for its next request at the same moment gets "other side closed", a
 * failure that grows with CPU load because the client's own idle timer fires late. Outliving
 * the usual 60 s idle timeout of proxies and client pools leaves the closing to them.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Must exceed keepAliveTimeout, or Node may drop a connection while a request's headers arrive.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
