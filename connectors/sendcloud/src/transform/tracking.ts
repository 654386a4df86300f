import { fieldReader } from '@interlock/core';
import { summarizeTrack, type TrackingEvent, type TrackingResult } from '@interlock/logistics';
import { TRACKING_EVENT_FIELDS, TRACKING_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireTracking, WireTrackingStatus } from '../wire/tracking.js';
import { fromWireLocalTime } from './instants.js';
import { PARENT_STATUS_MAP } from './status.js';

/**
 * One entry of the parcel's history: Sendcloud's consolidated `parent_status` as the canonical
 * status (kept raw beside it), the carrier's own words as its text. v2 tracking names no place.
 */
export function toTrackingEvent(wire: WireTrackingStatus, trackingNumber: string, receivedAt: number): TrackingEvent {
  const read = fieldReader(TRACKING_EVENT_FIELDS, wire);
  const status = PARENT_STATUS_MAP.map(read.get('code') ?? { known: false, raw: '' });
  return {
    trackingNumber,
    status: status.status,
    rawCode: status.raw,
    rawText: read.get('description') ?? '',
    occurredAt: fromWireLocalTime(read.requiredText('occurredAt'), TRACKING_EVENT_FIELDS.inbound.occurredAt),
    receivedAt,
  };
}

/**
 * Sendcloud's history of one number as its track. The spec's example lists it newest first, so it
 * is turned oldest first before entries at the same instant keep their order. `expected_delivery_date`
 * is a day with no time or zone ("estimate, no timestamp"), so it is not made into an instant.
 */
export function toTrackingResult(wire: WireTracking, trackingNumber: string, receivedAt: number): TrackingResult {
  const read = fieldReader(TRACKING_FIELDS, wire);
  const events = [...(read.get('statuses') ?? [])].reverse().map((entry) => toTrackingEvent(entry, trackingNumber, receivedAt));
  return { trackingNumber, found: true, tracks: [summarizeTrack({ provider: SENDCLOUD_PROVIDER, trackingNumber }, events)] };
}

/** A number Sendcloud answered 404 for, beside the other numbers of the batch. */
export function notFound(trackingNumber: string): TrackingResult {
  return { trackingNumber, found: false, error: { kind: 'not_found', reason: 'tracking_number_unknown', message: 'Sendcloud does not know this tracking number' } };
}
