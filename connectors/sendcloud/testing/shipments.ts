import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { LIST_PARAMS } from '../src/fields.js';
import { SENDCLOUD_API_BASE_URL } from '../src/provider.js';
import { isoTime, providerError, trackingNotFound, trackingTime } from './replies.js';
import type { HistoryEntry, SimShipment, SimulationState } from './state.js';

/**
 * One step of a parcel's journey: the consolidated status v2 tracking shows and the numeric id its
 * webhook carries. Sendcloud documents the ids of ready to send (1000), delivered (11) and
 * cancelled (2000) only; the other steps get ids from 90001 up, the simulation's own, so that none
 * can be taken for one of Sendcloud's. "delivery-delayed" is the simulation's spelling of a status
 * sendcloud.dev names ("Delivery delayed") without giving its wire form: the connector maps
 * neither it nor the made-up ids, and must keep them raw and alert on them.
 */
interface Step {
  parent: string;
  message: string;
  id: number;
}

const READY: Step = { parent: 'ready-to-send', message: 'Ready to send', id: 1000 };
const ON_ROUTE: Step = { parent: 'shipment-on-route', message: 'Sorted at the hub', id: 90001 };
const DELAYED: Step = { parent: 'delivery-delayed', message: 'Delivery delayed', id: 90002 };
const DELIVERED: Step = { parent: 'delivered', message: 'Delivered', id: 11 };
const CANCELLED: Step = { parent: 'cancelled', message: 'Cancelled', id: 2000 };

/** The routes parcels take after their label, in turn by creation order. */
const ROUTES: readonly (readonly Step[])[] = [
  [ON_ROUTE, DELIVERED],
  [ON_ROUTE, ON_ROUTE, DELIVERED],
  [ON_ROUTE, ON_ROUTE, ON_ROUTE, DELIVERED],
  [ON_ROUTE, DELIVERED],
  [ON_ROUTE, DELAYED, ON_ROUTE, DELIVERED],
];

const routeOf = (shipment: SimShipment): readonly Step[] => ROUTES[(shipment.sequence - 1) % ROUTES.length] ?? [];

/** Where a parcel's journey ends: cancelled, or its route's last step. */
export function finalParent(shipment: SimShipment): string {
  return shipment.cancelled ? CANCELLED.parent : (routeOf(shipment).at(-1) ?? READY).parent;
}

const uuid = (seed: number, n: number): string => seed.toString(16).padStart(8, '0') + '-0000-4000-8000-' + String(n).padStart(12, '0');
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const object = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const parcelOf = (shipment: SimShipment): Record<string, unknown> => object((shipment.body['parcels'] as unknown[])[0]);
const carrierOf = (shipment: SimShipment): string => String(object(shipment.body['carrier'])['code']);

/** The address fields Sendcloud requires (address-with-required-fields). */
const REQUIRED_ADDRESS = ['name', 'address_line_1', 'postal_code', 'city', 'country_code'];

function missingField(body: Readonly<Record<string, unknown>>): string | undefined {
  for (const side of ['from_address', 'to_address']) {
    const address = object(body[side]);
    const missing = REQUIRED_ADDRESS.find((key) => text(address[key]) === undefined);
    if (missing !== undefined) return `/${side}/${missing}`;
  }
  if (text(object(object(body['ship_with'])['properties'])['shipping_option_code']) === undefined) return '/ship_with/properties/shipping_option_code';
  const parcels = body['parcels'];
  if (!Array.isArray(parcels) || parcels.length === 0) return '/parcels';
  return undefined;
}

function recordStep(state: SimulationState, shipment: SimShipment, step: Step, at: number): void {
  const entry: HistoryEntry = {
    carrier_update_timestamp: trackingTime(at),
    parcel_status_history_id: String(shipment.history.length + 1),
    parent_status: step.parent,
    // Sendcloud's own statuses carry no carrier, as the spec's example shows ('' beside "Ready to send").
    carrier_code: step === READY ? '' : carrierOf(shipment),
    carrier_message: step.message,
  };
  shipment.history.push(entry);
  shipment.updatedAt = at;
  parcelOf(shipment)['updated_at'] = isoTime(at);
  const parcel = {
    id: shipment.parcelId,
    tracking_number: shipment.trackingNumber,
    status: { id: step.id, message: step.message },
    shipment_uuid: shipment.body['id'],
    order_number: shipment.reference,
  };
  state.events.record('parcel_status_changed', { action: 'parcel_status_changed', timestamp: at, carrier_status_change_timestamp: at, parcel }, at);
}

/** POST /v3/shipments/announce: the label at once, or 409 with the shipment an earlier create made under the same external reference. */
export function announce(state: SimulationState, request: SimulatorRequest): FaultReply {
  const body = request.parsedBody;
  const missing = missingField(body);
  if (missing !== undefined) return { status: 400, body: { errors: [{ status: '400', code: 'required', detail: 'This field is required.', source: { pointer: missing } }] } };
  const reference = text(body['external_reference_id']) ?? '';
  const earlier = [...state.shipments.values()].find((shipment) => shipment.reference === reference);
  if (earlier !== undefined) return { status: 409, body: { data: earlier.body } };
  const now = state.clock.now();
  const sequence = state.shipments.size + 1;
  const id = uuid(state.seed, sequence);
  const parcelId = 383_700_000 + (state.seed % 1_000_000) * 1_000 + sequence;
  const trackingNumber = 'SIM' + state.seed.toString(36).toUpperCase().padStart(7, '0') + String(sequence).padStart(6, '0');
  const code = String(object(object(body['ship_with'])['properties'])['shipping_option_code']);
  const labelDetails = object(body['label_details']);
  const parcels = (body['parcels'] as unknown[]).map((sent, index) => ({
    ...object(sent),
    id: parcelId + index,
    status: { code: 'READY_TO_SEND', message: 'Ready to send' },
    documents: [{ type: 'label', document_type: 'label', size: 'a6', link: `${SENDCLOUD_API_BASE_URL}/v3/parcels/${parcelId + index}/documents/label` }],
    tracking_number: index === 0 ? trackingNumber : trackingNumber + '-' + String(index),
    tracking_url: null,
    created_at: isoTime(now),
    updated_at: isoTime(now),
    announced_at: isoTime(now),
  }));
  const shipmentBody: Record<string, unknown> = {
    id,
    ship_with: body['ship_with'],
    from_address: body['from_address'],
    to_address: body['to_address'],
    order_number: body['order_number'],
    external_reference_id: reference,
    customs_information: body['customs_information'] ?? null,
    label_details: { mime_type: labelDetails['mime_type'] ?? 'application/pdf', dpi: 72 },
    carrier: { code: code.split(':')[0] },
    errors: [],
    parcels,
  };
  const shipment: SimShipment = { body: shipmentBody, sequence, reference, trackingNumber, parcelId, createdAt: now, updatedAt: now, cancelled: false, history: [] };
  state.shipments.set(id, shipment);
  recordStep(state, shipment, READY, now);
  return { status: 201, body: { data: shipmentBody } };
}

const shipmentNotFound = (): FaultReply => providerError(404, 'not_found', 'Not found');

/** GET /v3/shipments/{id}. */
export function readShipment(state: SimulationState, request: SimulatorRequest): FaultReply {
  const shipment = state.shipments.get(String(request.params['id']));
  return shipment === undefined ? shipmentNotFound() : { status: 200, body: { data: shipment.body } };
}

/**
 * POST /v3/shipments/{id}/cancel: a label not yet on its way is cancelled at once (200); one
 * cancelled already, or moving, is refused with 409 as v3-shipments.openapi.yml's example is.
 */
export function cancel(state: SimulationState, request: SimulatorRequest): FaultReply {
  const shipment = state.shipments.get(String(request.params['id']));
  if (shipment === undefined) return shipmentNotFound();
  if (shipment.cancelled || shipment.history.length > 1) return providerError(409, 'invalid', 'This shipment is already being cancelled.');
  shipment.cancelled = true;
  parcelOf(shipment)['status'] = { code: 'CANCELLED', message: 'Cancelled' };
  recordStep(state, shipment, CANCELLED, state.clock.now());
  return { status: 200, body: { data: { status: 'cancelled', message: 'Shipment has been cancelled' } } };
}

/**
 * Every parcel not at the end of its route moves one step, and each step is a webhook. The v3
 * shipment keeps its READY_TO_SEND code meanwhile: Sendcloud's examples show no v3 code for a
 * parcel on its way, so the simulation makes none up.
 */
export function scanAll(state: SimulationState): void {
  const now = state.clock.now();
  for (const shipment of state.shipments.values()) {
    if (shipment.cancelled) continue;
    const step = routeOf(shipment)[shipment.history.length - 1];
    if (step !== undefined) recordStep(state, shipment, step, now);
  }
}

export function byTrackingNumber(state: SimulationState, trackingNumber: string): SimShipment | undefined {
  return [...state.shipments.values()].find((shipment) => shipment.trackingNumber === trackingNumber);
}

/** GET /v2/tracking/{tracking_number}: the parcel's whole history, newest first as the spec's example lists it. */
export function trackNumber(state: SimulationState, request: SimulatorRequest): FaultReply {
  const trackingNumber = String(request.params['trackingNumber']);
  const shipment = byTrackingNumber(state, trackingNumber);
  if (shipment === undefined) return trackingNotFound(trackingNumber);
  return {
    status: 200,
    body: {
      parcel_id: String(shipment.parcelId),
      carrier_code: carrierOf(shipment),
      created_at: trackingTime(shipment.createdAt),
      carrier_tracking_url: 'https://tracking.example/' + trackingNumber,
      sendcloud_tracking_url: 'https://tracking.example/sendcloud/' + trackingNumber,
      is_return: false,
      is_to_service_point: false,
      is_mail_box: false,
      expected_delivery_date: new Date(shipment.createdAt + 2 * 86_400_000).toISOString().slice(0, 10),
      statuses: [...shipment.history].reverse(),
    },
  };
}

/**
 * GET /v3/shipments as Sendcloud pages it: `{ data }`, and while more remain a `Link` header whose
 * `rel="next"` carries an opaque base64 cursor with the filters (v3-shipments.openapi.yml).
 * `updated_after` and `external_reference_id` filter as documented.
 */
export function listShipmentPage(state: SimulationState, request: SimulatorRequest): FaultReply {
  const query = request.searchParams;
  const after = query.get(LIST_PARAMS.updatedAfter);
  const reference = query.get(LIST_PARAMS.externalReference);
  const matching = [...state.shipments.values()]
    .filter((shipment) => (after === null || shipment.updatedAt > Date.parse(after)) && (reference === null || shipment.reference === reference))
    .map((shipment) => shipment.body);
  const size = Number(query.get(LIST_PARAMS.pageSize) ?? 40);
  const cursor = query.get('cursor');
  const start = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8').replace('o=', ''));
  const data = matching.slice(start, start + size);
  if (start + size >= matching.length) return { status: 200, body: { data } };
  const next = new URLSearchParams(query);
  next.set('cursor', Buffer.from('o=' + String(start + size)).toString('base64'));
  return { status: 200, headers: { link: `<${SENDCLOUD_API_BASE_URL}/v3/shipments?${next.toString()}>; rel="next"` }, body: { data } };
}
