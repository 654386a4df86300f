import { fieldReader } from '@interlock/core';
import { summarizeTrack, type TrackingEvent, type TrackingResult } from '@interlock/logistics';
import { TRACKING_EVENT_FIELDS, TRACKING_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireTracking, WireTrackingEvent } from '../wire/tracking.js';
import { fromWireLocalTime } from './instants.js';
import { STATUS_MAP } from './status.js';

/** One scan, its local time resolved in the carrier's zone; `receivedAt` is our clock's. */
export function toTrackingEvent(wire: WireTrackingEvent, trackingNumber: string, receivedAt: number): TrackingEvent {
  const read = fieldReader(TRACKING_EVENT_FIELDS, wire);
  const status = STATUS_MAP.map(read.get('code'));
  const city = read.text('city');
  const postalCode = read.text('postalCode');
  const country = read.text('country');
  const located = city !== undefined || postalCode !== undefined || country !== undefined;
  return {
    trackingNumber,
    status: status.status,
    rawCode: status.raw,
    rawText: read.get('description'),
    location: located ? { city, postalCode, country } : undefined,
    occurredAt: fromWireLocalTime(read.get('occurredAt'), TRACKING_EVENT_FIELDS.inbound.occurredAt),
    receivedAt,
  };
}

/** The carrier's answer for one number: its track, or `not_found` beside the other numbers of the batch. */
export function toTrackingResult(wire: WireTracking, receivedAt: number): TrackingResult {
  const read = fieldReader(TRACKING_FIELDS, wire);
  const trackingNumber = read.get('trackingNumber');
  if (read.get('found') !== true) {
    return { trackingNumber, found: false, error: { kind: 'not_found', reason: 'tracking_number_unknown', message: 'the carrier does not know this tracking number' } };
  }
  const events = read.get('events').map((event) => toTrackingEvent(event, trackingNumber, receivedAt));
  return { trackingNumber, found: true, tracks: [summarizeTrack({ provider: SENDCLOUD_PROVIDER, trackingNumber }, events)] };
}
