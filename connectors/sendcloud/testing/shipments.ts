import type { FaultReply, ResourceSpec, SimObject, SimulatorRequest } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';
import { SENDCLOUD_API_BASE_URL } from '../src/provider.js';
import { localTime, providerError, seconds } from './replies.js';
import type { SimulationState } from './state.js';

/** The routes parcels take, in turn by creation order. Template value: the carrier's typical scans. */
const ROUTES: readonly (readonly string[])[] = [
  ['in_transit', 'out_for_delivery', 'delivered'],
  ['in_transit', 'out_for_delivery', 'delivery_failed', 'out_for_delivery', 'delivered'],
  ['in_transit', 'exception', 'in_transit', 'out_for_delivery', 'delivery_failed', 'returned'],
  ['in_transit', 'ready_for_pickup', 'delivered'],
  // A status Sendcloud documents ("Delivery delayed") that this connector does not map: it must be kept raw and alerted.
  ['in_transit', 'delivery_delayed', 'out_for_delivery', 'delivered'],
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
  delivery_delayed: 'Delivery delayed',
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

/** The last code a parcel's route ends on (or `cancelled` for a voided label). */
export function finalCode(shipment: SimObject): string {
  return shipment['status'] === 'cancelled' ? 'cancelled' : (routeOf(shipment).at(-1) ?? 'created');
}

/** Shipments, their scans recorded in `scans` as they happen, and the void action. */
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
        if (object['status'] !== 'created') return { error: providerError(409, 'invalid', 'This shipment is already being cancelled.') };
        record(scans, String(object['id']), scan('cancelled', now));
        return { ...object, status: 'cancelled', updated_at: seconds(now) };
      },
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

/** GET /v1/tracking: one answer per number asked, an unknown one `found: false`. */
export function trackNumbers(state: SimulationState, request: SimulatorRequest): FaultReply {
  const numbers = (request.searchParams.get(LIST_PARAMS.trackingNumbers) ?? '').split(',').filter((number) => number.length > 0);
  return { status: 200, body: { object: 'list', data: numbers.map((number) => trackingBody(state, number, trackingOf(state, number))), has_more: false } };
}

/**
 * GET /v1/shipments as Sendcloud pages it: `{ data }`, and while more remain a `Link` header whose
 * `rel="next"` carries an opaque base64 cursor with the filters (v3-shipments.openapi.yml).
 */
export function listShipmentPage(state: SimulationState, request: SimulatorRequest): FaultReply {
  const query = request.searchParams;
  const from = query.get(LIST_PARAMS.createdFrom);
  const to = query.get(LIST_PARAMS.createdTo);
  const reference = query.get(LIST_PARAMS.reference);
  const matching = state.shipments.list().filter((object) => {
    const at = Number(object['created_at']);
    return (from === null || at >= Number(from)) && (to === null || at < Number(to)) && (reference === null || object['reference'] === reference);
  });
  const size = Number(query.get(LIST_PARAMS.pageSize) ?? 40);
  const cursor = query.get('cursor');
  const start = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace('o=', ''));
  const data = matching.slice(start, start + size);
  if (start + size >= matching.length) return { status: 200, body: { data } };
  const next = new URLSearchParams(query);
  next.set('cursor', Buffer.from('o=' + String(start + size)).toString('base64'));
  return { status: 200, headers: { link: `<${SENDCLOUD_API_BASE_URL}/shipments?${next.toString()}>; rel="next"` }, body: { data } };
}
