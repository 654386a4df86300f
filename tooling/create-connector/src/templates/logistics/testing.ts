import type { GeneratedFile, TemplateContext } from '../template.js';

/**
 * testing/: the carrier simulated on testkit's ProviderSimulator, for tests and the hub's demo.
 * It imports the connector's sources (the scheme, the field names, the zone); src/ never imports it.
 */
export function testingFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant, pascal, title } = names;
  return [
    {
      path: 'testing/index.ts',
      content: `import { signWebhook, type Clock } from '@interlock/core';
import type { TrackingStatus } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { ProviderSimulator } from '@interlock/testkit/simulator';
import { ${constant}_PROVIDER } from '../src/provider.js';
import { webhookScheme } from '../src/webhooks.js';
import { quote } from './rates.js';
import { ROUTES } from './routes.js';
import { finalCode, scanAll, shipmentResource, trackingOf, type Scan } from './shipments.js';
import { EventLog, type SimulationState } from './state.js';

export interface ${pascal}SimulationOptions {
  /** Shared with the connector under test, so scans and delays run in virtual time. */
  clock: Clock;
  /** The secret deliveries are signed with; give the connector the same one. */
  webhookSecret: string;
}

/** The carrier's final codes as canonical statuses, for the end-to-end run to compare with. */
const FINAL: Readonly<Record<string, TrackingStatus>> = { delivered: 'delivered', returned: 'returned_to_sender', cancelled: 'canceled' };

/**
 * ${title} on 127.0.0.1: labels are bought with an Idempotency-Key, each parcel is scanned along
 * its route on every \`scan()\`, and every scan is a webhook event signed the carrier's way.
 */
export async function create${pascal}Simulation(options: ${pascal}SimulationOptions): Promise<LogisticsSimulation> {
  const events = new EventLog();
  const scans = new Map<string, Scan[]>();
  const simulator = await ProviderSimulator.start({ clock: options.clock, resources: [shipmentResource(scans)] });
  const state: SimulationState = { clock: options.clock, events, shipments: simulator.resource('shipment'), scans };
  simulator.route('POST', '/v1/rates', (request) => quote(state, request));
  for (const route of ROUTES) simulator.route(route.method, route.path, (request) => route.handle(state, request));
  return {
    provider: ${constant}_PROVIDER,
    simulator,
    scan: () => scanAll(state),
    takeWebhookEvents: () => events.take(),
    signWebhook: (rawBody, _event, sentAt) => signWebhook(webhookScheme, { rawBody, secret: options.webhookSecret, timestamp: sentAt }),
    // Creates are deduped by Idempotency-Key, so two labels under one caller reference are a label paid twice.
    labelsByReference() {
      const counts = new Map<string, number>();
      for (const shipment of state.shipments.list()) {
        const reference = String(shipment['reference']);
        counts.set(reference, (counts.get(reference) ?? 0) + 1);
      }
      return counts;
    },
    finalStatus(trackingNumber) {
      const shipment = trackingOf(state, trackingNumber);
      return shipment === undefined ? undefined : FINAL[finalCode(shipment)];
    },
  };
}
`,
    },
    {
      path: 'testing/state.ts',
      content: `import type { Clock } from '@interlock/core';
import type { ProviderSimulator, SimObject, WebhookEvent } from '@interlock/testkit/simulator';
import { seconds, sequenceId } from './replies.js';
import type { Scan } from './shipments.js';

/** One of the simulator's stateful resources. */
export type Resource = ReturnType<ProviderSimulator['resource']>;

/** What the simulated routes share. */
export interface SimulationState {
  readonly clock: Clock;
  readonly events: EventLog;
  readonly shipments: Resource;
  /** Each shipment's scans by its id, oldest first: the carrier's tracking, kept beside the shipments. */
  readonly scans: Map<string, Scan[]>;
}

/** The carrier's webhook events in the shape it sends them, oldest first. */
export class EventLog {
  private readonly events: WebhookEvent[] = [];
  private taken = 0;

  /** Records that \`object\` changed at \`at\`, as an event of \`type\`. */
  record(type: string, object: SimObject, at: number): void {
    const id = sequenceId('evt', this.events.length + 1);
    const payload = { id, object: 'event', type, created_at: seconds(at), data: { object: structuredClone(object) } };
    this.events.push({ id, type, payload, occurredAt: at });
  }

  /** The events recorded since the last call. */
  take(): WebhookEvent[] {
    const fresh = this.events.slice(this.taken);
    this.taken = this.events.length;
    return fresh;
  }
}
`,
    },
    {
      path: 'testing/replies.ts',
      content: `import { formatInstant, localInstantFormat } from '@interlock/core';
import type { FaultReply } from '@interlock/testkit/simulator';
import { ${constant}_TIME_ZONE } from '../src/transform/instants.js';

/** The carrier's whole seconds. */
export const seconds = (epochMs: number): number => Math.floor(epochMs / 1000);

const LOCAL = localInstantFormat(${constant}_TIME_ZONE, { ambiguous: 'earlier' });

/** A scan time as the carrier writes it: local, without an offset. */
export const localTime = (epochMs: number): string => formatInstant(epochMs, LOCAL);

/** Ids as the simulator makes them: a prefix and a zero-padded sequence number. */
export const sequenceId = (prefix: string, n: number): string => prefix + '_' + String(n).padStart(14, '0');

/** An error answer in the carrier's shape. */
export function providerError(status: number, code: string, message: string): FaultReply {
  return { status, body: { error: { code, message } } };
}
`,
    },
    {
      path: 'testing/rates.ts',
      content: `import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { providerError, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** The stand-in's tariff: a base price and a price per started kilogram, per service, in euro cents. Template value. */
const TARIFF = [
  { service: 'standard', name: 'Standard', base: 495, perKg: 100, days: 2 },
  { service: 'express', name: 'Express', base: 990, perKg: 200, days: 1 },
];

/** POST /v1/rates: a price per service for the parcels' total weight, valid for a day. */
export function quote(state: SimulationState, request: SimulatorRequest): FaultReply {
  const parcels = request.parsedBody['parcels'];
  if (!Array.isArray(parcels) || parcels.length === 0) return providerError(400, 'invalid_request', 'parcels are required');
  const weights = parcels.map((parcel: { weight?: unknown }) => Number(parcel.weight ?? 0));
  const kilograms = Math.ceil(weights.reduce((sum, weight) => sum + weight, 0));
  const validUntil = seconds(state.clock.now()) + 86_400;
  const data = TARIFF.map((tariff) => ({
    id: 'rate_' + tariff.service,
    object: 'rate',
    carrier: 'stand-in',
    service: tariff.service,
    service_name: tariff.name,
    amount: tariff.base + tariff.perKg * kilograms,
    currency: 'EUR',
    transit_days: tariff.days,
    valid_until: validUntil,
  }));
  return { status: 200, body: { object: 'list', data, has_more: false } };
}
`,
    },
    {
      path: 'testing/shipments.ts',
      content: `import type { FaultReply, ResourceSpec, SimObject, SimulatorRequest } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';
import { localTime, providerError, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** The routes parcels take, in turn by creation order. Template value: the carrier's typical scans. */
const ROUTES: readonly (readonly string[])[] = [
  ['in_transit', 'out_for_delivery', 'delivered'],
  ['in_transit', 'out_for_delivery', 'delivery_failed', 'out_for_delivery', 'delivered'],
  ['in_transit', 'exception', 'in_transit', 'out_for_delivery', 'delivery_failed', 'returned'],
  ['in_transit', 'ready_for_pickup', 'delivered'],
];
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  created: 'Label created',
  in_transit: 'Sorted at the hub',
  out_for_delivery: 'With the courier',
  delivery_failed: 'Recipient not at home',
  ready_for_pickup: 'At the pickup point',
  exception: 'Held: address being checked',
  delivered: 'Delivered',
  returned: 'Returned to sender',
  cancelled: 'Label voided',
};

export interface Scan {
  code: string;
  description: string;
  location: null;
  occurred_at: string;
}

const scan = (code: string, at: number): Scan => ({ code, description: DESCRIPTIONS[code] ?? code, location: null, occurred_at: localTime(at) });
const sequenceOf = (shipment: SimObject): number => Number(String(shipment['id']).slice('shp_'.length));
const routeOf = (shipment: SimObject): readonly string[] => ROUTES[(sequenceOf(shipment) - 1) % ROUTES.length] ?? [];

/** The last code a parcel's route ends on (or \`cancelled\` for a voided label). */
export function finalCode(shipment: SimObject): string {
  return shipment['status'] === 'cancelled' ? 'cancelled' : (routeOf(shipment).at(-1) ?? 'created');
}

/** Shipments, their scans recorded in \`scans\` as they happen, and the void action. */
export function shipmentResource(scans: Map<string, Scan[]>): ResourceSpec {
  return {
    name: 'shipment',
    path: '/v1/shipments',
    idPrefix: 'shp_',
    create: ({ id, body, now }) => {
      record(scans, id, scan('created', now));
      return {
        id,
        object: 'shipment',
        reference: body['reference'],
        carrier: 'stand-in',
        service: body['service'],
        status: 'created',
        tracking_numbers: ['TRK' + id.slice('shp_'.length)],
        from_address: stored(body['from_address']),
        to_address: stored(body['to_address']),
        parcels: (body['parcels'] as SimObject[]).map((parcel) => ({ weight: parcel['weight'], weight_unit: parcel['weight_unit'] })),
        label: { format: body['label_format'] ?? 'pdf', url: 'https://labels.example/' + id + '.pdf' },
        price: { amount: 495, currency: 'EUR' },
        created_at: seconds(now),
        updated_at: seconds(now),
      };
    },
    actions: {
      cancel: (object, _body, now) => {
        if (object['status'] !== 'created') return { error: providerError(409, 'shipment_not_cancelable', 'The carrier already has this parcel.') };
        record(scans, String(object['id']), scan('cancelled', now));
        return { ...object, status: 'cancelled', updated_at: seconds(now) };
      },
    },
    listPage: (objects, query) => {
      const from = query.get(LIST_PARAMS.createdFrom);
      const to = query.get(LIST_PARAMS.createdTo);
      const reference = query.get(LIST_PARAMS.reference);
      const matching = objects.filter((object) => {
        const at = Number(object['created_at']);
        return (from === null || at >= Number(from)) && (to === null || at < Number(to)) && (reference === null || object['reference'] === reference);
      });
      const limit = Number(query.get(LIST_PARAMS.limit) ?? 10);
      const after = query.get(LIST_PARAMS.startingAfter);
      const start = after === null ? 0 : matching.findIndex((object) => object['id'] === after) + 1;
      return { object: 'list', data: matching.slice(start, start + limit), has_more: start + limit < matching.length };
    },
  };
}

const ADDRESS_KEYS = ['name', 'company', 'address_line_1', 'address_line_2', 'house_number', 'postal_code', 'city', 'state_code', 'country_code', 'phone', 'email'];

/** An address as the carrier stores it: every field present, null where none was sent. */
const stored = (address: unknown): SimObject => Object.fromEntries(ADDRESS_KEYS.map((key) => [key, (address as SimObject)[key] ?? null]));

function record(scans: Map<string, Scan[]>, id: string, next: Scan): void {
  scans.set(id, [...(scans.get(id) ?? []), next]);
}

export function trackingOf(state: SimulationState, trackingNumber: string): SimObject | undefined {
  return state.shipments.list().find((object) => (object['tracking_numbers'] as string[]).includes(trackingNumber));
}

/** The carrier's answer for one number, as its tracking endpoint and webhooks carry it. */
export function trackingBody(state: SimulationState, trackingNumber: string, shipment: SimObject | undefined): SimObject {
  return { tracking_number: trackingNumber, found: shipment !== undefined, events: shipment === undefined ? [] : (state.scans.get(String(shipment['id'])) ?? []) };
}

/** Every parcel not at the end of its route moves one step, and each scan is a webhook event. */
export function scanAll(state: SimulationState): void {
  const now = state.clock.now();
  for (const shipment of state.shipments.list()) {
    if (shipment['status'] === 'cancelled') continue;
    const id = String(shipment['id']);
    const code = routeOf(shipment)[(state.scans.get(id)?.length ?? 1) - 1];
    if (code === undefined) continue;
    record(state.scans, id, scan(code, now));
    const updated: SimObject = { ...shipment, status: code, updated_at: seconds(now) };
    state.shipments.put(updated);
    for (const number of updated['tracking_numbers'] as string[]) state.events.record('tracking.updated', trackingBody(state, number, updated), now);
  }
}

/** GET /v1/tracking: one answer per number asked, an unknown one \`found: false\`. */
export function trackNumbers(state: SimulationState, request: SimulatorRequest): FaultReply {
  const numbers = (request.searchParams.get(LIST_PARAMS.trackingNumbers) ?? '').split(',').filter((number) => number.length > 0);
  return { status: 200, body: { object: 'list', data: numbers.map((number) => trackingBody(state, number, trackingOf(state, number))), has_more: false } };
}
`,
    },
    {
      path: 'testing/routes.ts',
      content: `import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { trackNumbers } from './shipments.js';
import type { SimulationState } from './state.js';

/** A route beyond the resources' generic ones (create, list, \`POST /:id/:action\`). */
export interface SimulatedRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(state: SimulationState, request: SimulatorRequest): FaultReply;
}

/** Template value: the carrier's other routes, each answered by its resource's handler file. */
export const ROUTES: readonly SimulatedRoute[] = [
  { method: 'GET', path: '/v1/tracking', handle: trackNumbers },
];
`,
    },
  ];
}
