import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '@interlock/core';
import { toyScheme } from './toy-connector.js';
import type { Ticket } from './tickets-domain.js';

export interface ToyEvent {
  id: string;
  type: string;
  at: string;
  ticket: { id: string; status: string; updated_at: string; fee: number };
}

/** The toy provider on 127.0.0.1: tickets over HTTP, and the webhook events their changes make. */
export class ToyProvider {
  readonly tickets = new Map<string, Ticket>();
  /** While set, every read answers 503. */
  down = false;
  reads = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<ToyProvider> {
    const started: { provider?: ToyProvider } = {};
    const server = createServer((req, res) => started.provider?.answer(req.url ?? '/', (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const provider = new ToyProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    started.provider = provider;
    return provider;
  }

  /** Moves a ticket to a status at a time, and returns the webhook event the provider would send. */
  change(id: string, status: string, at: number, fee = 500): ToyEvent {
    const ticket = { id, status, updatedAt: at, fee };
    this.tickets.set(id, ticket);
    return { id: `evt_${id}_${status}_${at}`, type: `ticket.${status}`, at: new Date(at).toISOString(), ticket: wire(ticket) };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private answer(path: string, reply: (status: number, body: unknown) => void): void {
    this.reads++;
    if (this.down) return reply(503, { error: 'down' });
    const url = new URL(path, this.url);
    const one = /^\/tickets\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const ticket = this.tickets.get(decodeURIComponent(one[1] as string));
      return ticket ? reply(200, wire(ticket)) : reply(404, { error: 'not found' });
    }
    if (url.pathname === '/tickets') {
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      return reply(200, [...this.tickets.values()].filter((t) => t.updatedAt >= from && t.updatedAt < to).map(wire));
    }
    reply(404, { error: 'no route' });
  }
}

function wire(ticket: Ticket): ToyEvent['ticket'] {
  return { id: ticket.id, status: ticket.status, updated_at: new Date(ticket.updatedAt).toISOString(), fee: ticket.fee };
}

/** The headers the toy provider signs a body with. */
export function toySignature(rawBody: string, secret: string, now = Date.now()): Record<string, string> {
  return signWebhook(toyScheme, { rawBody, secret, timestamp: now });
}
