import { fieldReader } from '@interlock/core';
import type { LogisticsEvent } from '@interlock/logistics';
import { EVENT_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireEvent } from '../wire/event.js';
import type { WireShipment } from '../wire/shipment.js';
import type { WireTracking } from '../wire/tracking.js';
import { fromWireInstant } from './instants.js';
import { toShipment } from './shipment.js';
import { toTrackingResult } from './tracking.js';

/** Parses an event's object with its resource's contract, reporting drift as the client does. */
export interface EventObjectParsers {
  tracking(object: unknown): WireTracking;
  shipment(object: unknown): WireShipment;
}

/** Template value: the carrier's event types by the resource they carry. */
const TRACKING_EVENT_PREFIX = 'tracking.';
const SHIPMENT_EVENT_PREFIX = 'shipment.';

/**
 * One verified event as canonical events: a `tracking.*` event carries the number's whole scan
 * history (so a late or reordered one is ordered by the state machine, not by arrival), a
 * `shipment.*` event the shipment, anything else is `unknown` with its type kept.
 */
export function toLogisticsEvents(event: WireEvent, eventId: string, parse: EventObjectParsers, receivedAt: number): LogisticsEvent[] {
  const read = fieldReader(EVENT_FIELDS, event);
  const type = read.get('type');
  const base = {
    id: eventId,
    provider: SENDCLOUD_PROVIDER,
    providerEventId: eventId,
    rawType: type,
    occurredAt: fromWireInstant(read.get('createdAt'), EVENT_FIELDS.inbound.createdAt),
  };
  if (type.startsWith(TRACKING_EVENT_PREFIX)) {
    const result = toTrackingResult(parse.tracking(read.get('object')), receivedAt);
    return [{ ...base, type: 'tracking.updated', ...(result.found ? { track: result.tracks[0] } : {}) }];
  }
  if (type.startsWith(SHIPMENT_EVENT_PREFIX)) return [{ ...base, type: 'shipment.updated', shipment: toShipment(parse.shipment(read.get('object'))) }];
  return [{ ...base, type: 'unknown' }];
}
