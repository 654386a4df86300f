import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => Promise<void> | void;

export interface Route {
  /** An HTTP method, or `*` for any. */
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** A node:http server with a handful of routes: no framework on the webhook hot path. */
export async function listen(routes: readonly Route[], host: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
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
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` };
}
