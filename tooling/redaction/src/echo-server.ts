import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Credentials } from './credentials.js';
import { echoingFetch } from './echoing-provider.js';

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = Object.entries(req.headers).flatMap(([name, value]): [string, string][] => (value === undefined ? [] : [[name, String(value)]]));
  const body = chunks.length === 0 ? {} : { body: Buffer.concat(chunks) };
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers, ...body });
}

/**
 * The echoing provider on a real port, for what builds its own connectors from the config (the
 * CLI, which takes no fetch): the same answers as {@link echoingFetch}, over HTTP.
 */
export class EchoServer {
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(credentials: Credentials): Promise<EchoServer> {
    const answer = echoingFetch(credentials);
    let origin = '';
    const server = createServer((req, res) => {
      void toRequest(req, origin)
        .then((request) => answer(request))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
          res.end(Buffer.from(await response.arrayBuffer()));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new EchoServer(server, origin);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
