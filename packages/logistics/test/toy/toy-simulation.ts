import { formatInstant, localInstantFormat, signWebhook, type Clock } from '@interlock/core';
import { ProviderSimulator, type SimObject, type WebhookEvent } from '@interlock/testkit';
import type { TrackingStatus } from '../../src/index.js';
import type { LogisticsSimulation } from '../../src/testing.js';
import { TOY_WEBHOOK_SCHEME, TOY_WEBHOOK_SECRET, TOY_ZONE, type ToyScan, type ToyShipment } from './toy-carrier.js';

const LOCAL = localInstantFormat(TOY_ZONE, { pattern: 'yyyy-MM-dd HH:mm:ss', ambiguous: 'earlier' });

/** The routes parcels take, by shipment number; HUB is a code the toy connector does not map. */
const ROUTES: readonly (readonly string[])[] = [
  ['PU', 'HUB', 'OFD', 'DL'],
  ['PU', 'OFD', 'NA', 'OFD', 'DL'],
  ['PU', 'OFD', 'NA', 'NA', 'RTS'],
  ['PU', 'HUB', 'PP', 'DL'],
];
const TEXT: Readonly<Record<string, string>> = { LC: 'Label created', PU: 'Picked up', HUB: 'Sorted at hub', OFD: 'Out for delivery', NA: 'Recipient not at home', PP: 'At the pickup point', DL: 'Delivered', RTS: 'Returned to sender' };
const FINAL: Readonly<Record<string, TrackingStatus>> = { DL: 'delivered', RTS: 'returned_to_sender' };

/**
 * A carrier small enough to read in one go, for testing the end-to-end run itself: no idempotency
 * key (a retried create must be found by reference), a batch tracking route, signed webhooks with
 * the whole scan history, local times in Berlin.
 */
export async function createToyCarrierSimulation(clock: Clock): Promise<LogisticsSimulation> {
  const local = (): string => formatInstant(clock.now(), LOCAL);
  const simulator = await ProviderSimulator.start({
    clock,
    idempotencyHeader: false,
    resources: [
      {
        name: 'shipment',
        path: '/v1/shipments',
        idPrefix: 'shp_',
        create: ({ id, body }): SimObject => ({
          id,
          reference: body['reference'],
          service: body['service'],
          tracking_number: `TOY${id.slice(4)}`,
          weight: body['weight'],
          created: local(),
          scans: [{ code: 'LC', text: TEXT['LC'], at: local() }],
        }),
        listPage: (objects, query) => ({ data: objects.filter((object) => object['reference'] === query.get('reference')) }),
      },
    ],
  });
  const shipments = simulator.resource('shipment');
  const routeOf = (object: SimObject): readonly string[] => ROUTES[(Number(String(object['id']).slice(4)) - 1) % ROUTES.length] ?? [];
  const byNumber = (): Map<string, ToyShipment> => new Map(shipments.list().map((object) => [String(object['tracking_number']), object as unknown as ToyShipment]));
  simulator.route('GET', '/v1/tracking', (request) => {
    const known = byNumber();
    const results = (request.searchParams.get('numbers') ?? '').split(',').map((number) => {
      const shipment = known.get(number);
      return shipment === undefined ? { number, found: false } : { number, found: true, scans: shipment.scans };
    });
    return { status: 200, body: { results } };
  });
  const events: WebhookEvent[] = [];
  let taken = 0;
  return {
    provider: 'toy-carrier',
    simulator,
    scan() {
      for (const object of shipments.list()) {
        const scans = object['scans'] as ToyScan[];
        const code = routeOf(object)[scans.length - 1];
        if (code === undefined) continue;
        const next = [...scans, { code, text: TEXT[code] ?? code, at: local() }];
        shipments.put({ ...object, scans: next });
        const id = `evt_${events.length + 1}`;
        events.push({ id, type: 'tracking.scan', payload: { id, type: 'tracking.scan', created: Math.floor(clock.now() / 1000), number: object['tracking_number'], scans: next }, occurredAt: clock.now() });
      }
    },
    takeWebhookEvents() {
      const fresh = events.slice(taken);
      taken = events.length;
      return fresh;
    },
    signWebhook: (rawBody, _event, sentAt) => signWebhook(TOY_WEBHOOK_SCHEME, { rawBody, secret: TOY_WEBHOOK_SECRET, timestamp: sentAt }),
    labelsByReference() {
      const counts = new Map<string, number>();
      for (const object of shipments.list()) counts.set(String(object['reference']), (counts.get(String(object['reference'])) ?? 0) + 1);
      return counts;
    },
    finalStatus(trackingNumber) {
      const shipment = shipments.list().find((object) => object['tracking_number'] === trackingNumber);
      const last = shipment === undefined ? undefined : routeOf(shipment).at(-1);
      return last === undefined ? undefined : FINAL[last];
    },
  };
}
