import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIntegrationError, type Clock } from '@interlock/core';
import type { PaymentsConnector } from '../connector.js';
import type { PaymentEvent } from '../models/payment-event.js';

/** What the receiver saw: events by outcome, and refused deliveries. */
export interface ReceiverCounts {
  accepted: number;
  duplicates: number;
  refused: number;
  /** Deliveries the connector failed on with something other than a typed refusal: a bug. */
  crashed: number;
}

/** A webhook endpoint for the run: verify through the connector, dedupe, hand events on, answer. */
export interface WebhookReceiver {
  url: string;
  counts: ReceiverCounts;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Listens on 127.0.0.1. A delivery the connector refuses (forged, outside the replay window) is
 * answered 400 and changes nothing; an event already seen is acknowledged and dropped, so the
 * provider stops redelivering it.
 */
export async function startWebhookReceiver(connector: PaymentsConnector, clock: Clock, onEvent: (event: PaymentEvent) => void): Promise<WebhookReceiver> {
  const seen = new Set<string>();
  const counts: ReceiverCounts = { accepted: 0, duplicates: 0, refused: 0, crashed: 0 };
  const server: Server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      let events: PaymentEvent[];
      try {
        events = connector.parseWebhook({ rawBody, headers: request.headers, now: clock.now() });
      } catch (error) {
        const refused = isIntegrationError(error) && error.kind === 'auth';
        counts[refused ? 'refused' : 'crashed']++;
        response.writeHead(refused ? 400 : 500).end();
        return;
      }
      for (const event of events) {
        if (seen.has(event.providerEventId)) {
          counts.duplicates++;
          continue;
        }
        seen.add(event.providerEventId);
        counts.accepted++;
        onEvent(event);
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
