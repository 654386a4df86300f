import {
  createOrFind,
  createProviderClient,
  IntegrationError,
  openEnum,
  statusMap,
  timestampedHmacScheme,
  UnknownValueTracker,
  verifyWebhook,
  type Clock,
  type TelemetrySink,
} from '@interlock/core';
import {
  assertCarrierCharset,
  carrierWeightText,
  UNICODE,
  resolveCarrierTime,
  shipmentSchema,
  summarizeTrack,
  validateCustoms,
  type LogisticsConnector,
  type LogisticsEvent,
  type Shipment,
  type Track,
  type TrackingResult,
} from '../../src/index.js';

export const TOY_WEBHOOK_SECRET = 'whsec_fixture_toy_carrier';
/** The toy carrier writes local times in Berlin, with no offset, as many European carriers do. */
export const TOY_ZONE = 'Europe/Berlin';
export const TOY_WEBHOOK_SCHEME = timestampedHmacScheme({ name: 'toy-carrier', header: 'toy-signature', timestampKey: 't', signatureKey: 'v1' });

/** The toy carrier's scan codes; HUB is left unmapped on purpose, to be kept raw and alerted. */
export const TOY_CODE = openEnum('toy.scan_code', ['LC', 'PU', 'HUB', 'OFD', 'NA', 'PP', 'DL', 'RTS', 'VOID']);
const TOY_STATUS = statusMap(TOY_CODE, {
  label_created: ['LC'],
  in_transit: ['PU'],
  out_for_delivery: ['OFD'],
  delivery_failed: ['NA'],
  available_for_pickup: ['PP'],
  delivered: ['DL'],
  returned_to_sender: ['RTS'],
  canceled: ['VOID'],
});

export interface ToyScan {
  code: string;
  text: string;
  /** Local Berlin time, `yyyy-MM-dd HH:mm:ss`. */
  at: string;
}

export interface ToyShipment {
  id: string;
  reference: string;
  service: string;
  tracking_number: string;
  /** Kilograms as text, as Sendcloud sends weights. */
  weight: string;
  created: string;
  scans: ToyScan[];
}

/** Just enough of a carrier to drive the end-to-end run; real ones come from the scaffolder. */
export function createToyCarrier(options: { baseUrl: string; clock: Clock; fetch: typeof fetch; telemetry: TelemetrySink }): LogisticsConnector {
  const { clock } = options;
  const provider = 'toy-carrier';
  const client = createProviderClient({
    provider,
    baseUrl: options.baseUrl,
    clock,
    fetch: options.fetch,
    telemetry: [options.telemetry],
    endpoints: {
      create: { method: 'POST', path: '/v1/shipments', idempotencyHeader: false },
      list: { method: 'GET', path: '/v1/shipments' },
      track: { method: 'GET', path: '/v1/tracking' },
    },
  });
  const tracker = new UnknownValueTracker({ provider, clock, emit: (event) => options.telemetry.emit(event) });
  const instant = (at: string): number => resolveCarrierTime({ date: at, zone: TOY_ZONE }, { provider, field: 'at' });
  const toTrack = (number: string, scans: readonly ToyScan[]): Track => {
    const receivedAt = clock.now();
    const events = scans.map((scan) => {
      const mapped = TOY_STATUS.map(scan.code, tracker);
      return { trackingNumber: number, status: mapped.status, rawCode: mapped.raw, rawText: scan.text, occurredAt: instant(scan.at), receivedAt };
    });
    return summarizeTrack({ provider, trackingNumber: number }, events);
  };
  const toShipment = (wire: ToyShipment, input: { from: Shipment['from']; to: Shipment['to']; parcels: Shipment['parcels'] }): Shipment => {
    const track = toTrack(wire.tracking_number, wire.scans);
    return shipmentSchema.parse({
      id: wire.id,
      provider,
      carrier: provider,
      service: wire.service,
      reference: wire.reference,
      status: track.status,
      statusRaw: track.statusRaw,
      trackingNumbers: [wire.tracking_number],
      ...input,
      createdAt: instant(wire.created),
      updatedAt: track.updatedAt,
    });
  };
  const unsupported = (): never => {
    throw new TypeError('The toy carrier only creates and tracks shipments');
  };
  const connector: LogisticsConnector = {
    provider,
    async createShipment(input) {
      const context = { provider, endpoint: 'create' };
      validateCustoms(input, context);
      assertCarrierCharset({ from: input.from, to: input.to }, UNICODE, context);
      const [parcel] = input.parcels;
      if (parcel === undefined) throw new TypeError('a shipment has at least one parcel');
      const body = { reference: input.reference, service: input.service, weight: carrierWeightText(parcel.weight, 'kg', 3) };
      const parts = { from: input.from, to: input.to, parcels: [...input.parcels] };
      return createOrFind({
        provider,
        endpoint: 'create',
        clock,
        findFirst: input.idempotencyKey !== undefined,
        create: async () => toShipment((await client.request<ToyShipment>('create', { body })).body, parts),
        find: async () => {
          const page = await client.request<{ data: ToyShipment[] }>('list', { query: { reference: input.reference } });
          const found = page.body.data[0];
          return found === undefined ? undefined : toShipment(found, parts);
        },
      });
    },
    async track(numbers) {
      const response = await client.request<{ results: ({ number: string; found: true; scans: ToyScan[] } | { number: string; found: false })[] }>('track', {
        query: { numbers: numbers.join(',') },
      });
      return response.body.results.map(
        (result): TrackingResult =>
          result.found
            ? { trackingNumber: result.number, found: true, tracks: [toTrack(result.number, result.scans)] }
            : { trackingNumber: result.number, found: false, error: { kind: 'not_found', reason: 'unknown_number', message: 'no such tracking number' } },
      );
    },
    parseWebhook(delivery) {
      const verified = verifyWebhook(TOY_WEBHOOK_SCHEME, { ...delivery, secrets: [TOY_WEBHOOK_SECRET] });
      if (!verified.ok) throw new IntegrationError('auth', 'Webhook signature refused', { provider, endpoint: 'webhook', reason: 'webhook_signature_invalid' });
      return connector.eventsFromVerifiedBody(String(delivery.rawBody), '');
    },
    eventsFromVerifiedBody(rawBody): LogisticsEvent[] {
      const event = JSON.parse(rawBody) as { id: string; type: string; created: number; number: string; scans: ToyScan[] };
      const track = toTrack(event.number, event.scans);
      return [{ id: event.id, provider, providerEventId: event.id, type: 'tracking.updated', rawType: event.type, occurredAt: event.created * 1000, track }];
    },
    quoteRates: unsupported,
    cancelShipment: unsupported,
    getShipment: unsupported,
    findShipmentByReference: unsupported,
    listShipments: unsupported,
  };
  return connector;
}
