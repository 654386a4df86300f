import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock/clock.js';
import { FAKE_CLOCK_HOLD_HEADER } from '../clock/fake-clock.js';

/** One scripted answer. `reset` drops the connection with a TCP RST; `delayMs` waits on the clock first. */
export type FaultReply =
  | { status?: number; headers?: Readonly<Record<string, string>>; body?: unknown; delayMs?: number }
  | { reset: true; delayMs?: number };

export interface RecordedRequest {
  method: string;
  path: string;
  /** The raw query string without `?` (empty when none). */
  query: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** Arrival time on the server's clock. */
  at: number;
}

export type FaultHandler = (request: RecordedRequest) => FaultReply;

/** Answers what no route or script covers; may be async (a stateful simulator behind the server). */
export type FallbackHandler = (request: RecordedRequest) => FaultReply | Promise<FaultReply>;

interface HeldClock extends Clock {
  sleepHeld?(holdId: number | undefined, ms: number): Promise<void>;
}

const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/**
 * A small HTTP server on 127.0.0.1 that answers from scripts and handlers and records every
 * request with its arrival time, so tests can count retries and limits where the provider would.
 */
export class FaultServer {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers = new Map<string, FaultHandler>();
  private readonly scripts = new Map<string, FaultReply[]>();
  private fallback: FallbackHandler = () => ({ status: 404, body: { error: 'no route' } });

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly clock: HeldClock,
  ) {}

  /** Starts on an ephemeral port. Pass the FakeClock the client uses so delays are virtual. */
  static async start(clock: Clock): Promise<FaultServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new FaultServer(server, `http://127.0.0.1:${port}`, clock);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void instance.handle(req, res));
    return instance;
  }

  /** Answers every request to a route with the handler's reply. */
  route(method: string, path: string, handler: FaultHandler): this {
    this.handlers.set(routeKey(method, path), handler);
    return this;
  }

  /** Answers the next requests to a route with these replies in order, then falls back to the route's handler. */
  script(method: string, path: string, replies: readonly FaultReply[]): this {
    this.scripts.set(routeKey(method, path), [...replies]);
    return this;
  }

  /** Answers every request that no route or script covers. */
  onUnrouted(handler: FallbackHandler): this {
    this.fallback = handler;
    return this;
  }

  count(method: string, path: string): number {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path === path).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    const recorded: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.search.slice(1),
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: this.clock.now(),
    };
    this.requests.push(recorded);
    const key = routeKey(recorded.method, recorded.path);
    const scripted = this.scripts.get(key)?.shift();
    const handler = this.handlers.get(key);
    const reply: FaultReply = scripted ?? (handler ? handler(recorded) : await this.fallback(recorded));
    if (reply.delayMs !== undefined) {
      const hold = headers[FAKE_CLOCK_HOLD_HEADER];
      const holdId = hold === undefined ? undefined : Number(hold);
      await (this.clock.sleepHeld ? this.clock.sleepHeld(holdId, reply.delayMs) : this.clock.sleep(reply.delayMs));
    }
    if (res.destroyed) return;
    if ('reset' in reply) {
      req.socket.resetAndDestroy();
      return;
    }
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, {
      'content-type': typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...reply.headers,
    });
    res.end(body);
  }
}
