import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => Promise<void> | void;

export interface Route {
  /** An HTTP method, or `*` for any. */
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** How long a client may take, and how many it may hold open: the hub's config `http` section. */
export interface ServerLimits {
  /** From the connection's first byte to the end of the request headers. */
  headersTimeoutMs: number;
  /** From the connection's first byte to the end of the request body. */
  requestTimeoutMs: number;
  /** A connection that sends nothing at all for this long is closed. */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Requests one keep-alive connection may carry before it is closed; 0 for no limit. */
  maxRequestsPerSocket: number;
  /** Connections open at once; a new one past this is closed at once. */
  maxConnections: number;
}

/** A node:http server with a handful of routes: no framework on the webhook hot path. */
export async function listen(routes: readonly Route[], host: string, port: number, limits: ServerLimits): Promise<{ server: Server; url: string }> {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts above on this interval (30 s by default), so a short
      // timeout would otherwise only fire up to 30 s late.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2))),
    },
    (req, res) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      for (const route of routes) {
        const match = route.pattern.exec(path);
        if (!match || (route.method !== '*' && route.method !== req.method)) continue;
        Promise.resolve(route.handler(req, res, match)).catch(() => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":"internal error"}');
        });
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    },
  );
  // The header and request timeouts start with the first byte; a connection that never sends
  // one is only closed by the socket's inactivity timeout.
  server.timeout = limits.idleTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` };
}
