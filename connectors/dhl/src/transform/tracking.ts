import { fieldReader, type Weight } from '@interlock/core';
import { summarizeTrack, type Track, type TrackingEvent } from '@interlock/logistics';
import { SHIPMENT_FIELDS, TRACKING_EVENT_FIELDS } from '../fields.js';
import { DHL_PROVIDER } from '../provider.js';
import type { WireShipment, WireTrackingEvent } from '../wire/tracking.js';
import { fromWireTime } from './instants.js';
import { STATUS_MAP } from './status.js';
import { fromWireWeight } from './weight.js';

/** One event, its time resolved (a zone-less one in DHL's declared zone); `receivedAt` is our clock's. */
export function toTrackingEvent(wire: WireTrackingEvent, trackingNumber: string, receivedAt: number): TrackingEvent | undefined {
  const read = fieldReader(TRACKING_EVENT_FIELDS, wire);
  const code = read.get('code');
  const at = read.text('occurredAt');
  // An event with no code or no time cannot be placed on a track; the spec makes both optional.
  if (code === undefined || at === undefined) return undefined;
  const status = STATUS_MAP.map(code);
  const city = read.text('city');
  const postalCode = read.text('postalCode');
  const country = read.text('country');
  const located = city !== undefined || postalCode !== undefined || country !== undefined;
  return {
    trackingNumber,
    status: status.status,
    rawCode: status.raw,
    rawText: read.text('status') ?? read.text('description') ?? '',
    ...(located ? { location: { ...(city === undefined ? {} : { city }), ...(postalCode === undefined ? {} : { postalCode }), ...(country === undefined ? {} : { country }) } } : {}),
    occurredAt: fromWireTime(at, TRACKING_EVENT_FIELDS.inbound.occurredAt),
    receivedAt,
  };
}

const codeOf = (event: WireTrackingEvent): string | undefined => (event.statusCode === undefined ? undefined : event.statusCode.known ? event.statusCode.value : event.statusCode.raw);

const sameEvent = (a: WireTrackingEvent, b: WireTrackingEvent): boolean => a.timestamp === b.timestamp && codeOf(a) === codeOf(b);

/**
 * One DHL shipment under a tracking number as a Track (a number may return several, one per
 * service). Its events are the history; the shipment's `status` is its latest event, counted when
 * the history does not already hold it.
 */
export function toTrack(wire: WireShipment, trackingNumber: string, receivedAt: number): Track {
  const read = fieldReader(SHIPMENT_FIELDS, wire);
  const history = read.get('events') ?? [];
  const latest = read.get('latestEvent');
  const wires = latest === undefined || history.some((event) => sameEvent(event, latest)) ? history : [...history, latest];
  const events = wires.flatMap((event) => toTrackingEvent(event, trackingNumber, receivedAt) ?? []);
  const id = read.get('carrierShipmentId');
  const service = read.get('service');
  const eta = read.text('estimatedDeliveryAt');
  return summarizeTrack(
    {
      provider: DHL_PROVIDER,
      trackingNumber,
      carrierShipmentId: id === undefined ? undefined : String(id),
      service: service === undefined ? undefined : service.known ? service.value : service.raw,
      estimatedDeliveryAt: eta === undefined ? undefined : fromWireTime(eta, SHIPMENT_FIELDS.inbound.estimatedDeliveryAt),
    },
    events,
  );
}

/** The shipment's weight as DHL reports it, or undefined when it reports none. */
export function toShipmentWeight(wire: WireShipment): Weight | undefined {
  const read = fieldReader(SHIPMENT_FIELDS, wire);
  const value = read.get('weightValue');
  return value === undefined ? undefined : fromWireWeight(value, read.text('weightUnit'), SHIPMENT_FIELDS.inbound.weightValue);
}
