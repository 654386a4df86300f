import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIntegrationError, type Clock } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import type { LogisticsEvent } from '../models/logistics-event.js';

/** What the receiver saw. `crashed` counts failures other than a typed refusal: bugs. */
export interface ReceiverCounts {
  accepted: number;
  duplicates: number;
  refused: number;
  crashed: number;
}

/** A webhook endpoint on 127.0.0.1 for the run. */
export interface WebhookReceiver {
  url: string;
  counts: ReceiverCounts;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Verifies every delivery through `parseWebhook` (a refused one is answered 400 and changes
 * nothing), acknowledges an event already seen without passing it on, and hands the rest to `onEvent`.
 */
export async function startWebhookReceiver(connector: LogisticsConnector, clock: Clock, onEvent: (event: LogisticsEvent) => void): Promise<WebhookReceiver> {
  const seen = new Set<string>();
  const counts: ReceiverCounts = { accepted: 0, duplicates: 0, refused: 0, crashed: 0 };
  const server = createServer((request, response) => {
    void bodyOf(request).then((rawBody) => {
      let events: LogisticsEvent[];
      try {
        events = connector.parseWebhook({ rawBody, headers: request.headers, now: clock.now() });
      } catch (error) {
        const refused = isIntegrationError(error) && error.kind === 'auth';
        counts[refused ? 'refused' : 'crashed']++;
        response.writeHead(refused ? 400 : 500).end();
        return;
      }
      for (const event of events) {
        const fresh = !seen.has(event.providerEventId);
        seen.add(event.providerEventId);
        counts[fresh ? 'accepted' : 'duplicates']++;
        if (fresh) onEvent(event);
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
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
