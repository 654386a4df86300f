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

/** Where the hub's alert webhook sink is pointed: what arrives there is an output of the hub. */
export const ALERTS_PATH = '/alerts';

/**
 * The echoing provider on a real port, for the hub and the CLI, which build their connectors from
 * the config: the same answers as {@link echoingFetch}, over HTTP. It also keeps every alert the
 * hub delivered to it, headers and body, as the receiving team would see them.
 */
export class EchoServer {
  readonly alertDeliveries: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(credentials: Credentials): Promise<EchoServer> {
    const answer = echoingFetch(credentials);
    let origin = '';
    const server = createServer((req, res) => {
      void toRequest(req, origin)
        .then(async (request) => {
          if (new URL(request.url).pathname === ALERTS_PATH) echo.alertDeliveries.push(`${JSON.stringify(Object.fromEntries(request.headers.entries()))}\n${await request.clone().text()}`);
          return answer(request);
        })
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
          res.end(Buffer.from(await response.arrayBuffer()));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const echo = new EchoServer(server, origin);
    return echo;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
