import { fieldReader, weight, type Weight } from '@interlock/core';
import { summarizeTrack, type TrackingEvent, type TrackingResult } from '@interlock/logistics';
import { ACTIVITY_FIELDS, PACKAGE_FIELDS } from '../fields.js';
import { UPS_PROVIDER } from '../provider.js';
import type { WireActivity, WirePackage, WireTrackResponse, WireWeight } from '../wire/tracking.js';
import { fromUpsTime } from './instants.js';
import { toTrackingStatus } from './status.js';

/** The units Tracking.yaml documents for `weight.unitOfMeasurement`. */
const WEIGHT_UNITS = { KGS: 'kg', LBS: 'lb' } as const;

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * A package's weight as core's `Weight`, in the unit UPS sent ("0.5" KGS is 0.5 kg, never 500);
 * undefined when UPS sent no weight, or a unit or number the spec does not describe.
 */
export function toWeight(wire: WireWeight | undefined): Weight | undefined {
  const unit = wire?.unitOfMeasurement === undefined ? undefined : WEIGHT_UNITS[wire.unitOfMeasurement as keyof typeof WEIGHT_UNITS];
  const text = wire?.weight?.trim();
  if (unit === undefined || text === undefined || !DECIMAL.test(text)) return undefined;
  return weight(Number(text), unit);
}

/**
 * One activity. Descriptions are trimmed (UPS pads them: "DELIVERED "); the status is the type
 * refined by the code; the time as `fromUpsTime` reads it. `receivedAt` is our clock's.
 */
export function toTrackingEvent(wire: WireActivity, trackingNumber: string, receivedAt: number, zone: string): TrackingEvent | undefined {
  const read = fieldReader(ACTIVITY_FIELDS, wire);
  const occurredAt = fromUpsTime(
    { date: read.text('date'), time: read.text('time'), gmtDate: read.text('gmtDate'), gmtTime: read.text('gmtTime'), gmtOffset: read.text('gmtOffset') },
    zone,
    ACTIVITY_FIELDS.inbound.date,
  );
  // An activity with no date cannot be ordered among the others; UPS documents none without one.
  if (occurredAt === undefined) return undefined;
  const status = toTrackingStatus(wire.status?.type, read.text('code'));
  const city = read.text('city')?.trim();
  const postalCode = read.text('postalCode')?.trim();
  const country = read.text('country')?.trim();
  const located = Boolean(city) || Boolean(postalCode) || Boolean(country);
  return {
    trackingNumber,
    status: status.status,
    rawCode: status.raw,
    rawText: (read.text('description') ?? '').trim(),
    ...(located ? { location: { ...(city ? { city } : {}), ...(postalCode ? { postalCode } : {}), ...(country ? { country } : {}) } } : {}),
    occurredAt,
    receivedAt,
  };
}

/**
 * One package's track. UPS lists activities newest first (Tracking.yaml, Activity), so they are
 * reversed before summarizing: two scans in the same second then keep their real order.
 */
export function toTrack(wire: WirePackage, trackingNumber: string, receivedAt: number, zone: string): TrackingResult {
  const read = fieldReader(PACKAGE_FIELDS, wire);
  const events = [...(wire.activity ?? [])].reverse().flatMap((activity) => toTrackingEvent(activity, trackingNumber, receivedAt, zone) ?? []);
  const service = read.text('service')?.trim();
  return { trackingNumber, found: true, tracks: [summarizeTrack({ provider: UPS_PROVIDER, trackingNumber, service: service || undefined }, events)] };
}

/** The package a `details` answer holds for the number asked, or `not_found` when UPS answered without it. */
export function toTrackingResult(wire: WireTrackResponse, trackingNumber: string, receivedAt: number, zone: string): TrackingResult {
  const found = wire.trackResponse.shipment.flatMap((shipment) => shipment.package ?? []).find((item) => item.trackingNumber === trackingNumber);
  if (found === undefined) {
    return { trackingNumber, found: false, error: { kind: 'not_found', reason: 'tracking_number_unknown', message: 'UPS answered without this tracking number' } };
  }
  return toTrack(found, trackingNumber, receivedAt, zone);
}
