import { fieldReader, IntegrationError, type UnknownValueTracker } from '@interlock/core';
import { summarizeTrack, type LogisticsEvent } from '@interlock/logistics';
import { EVENT_FIELDS, EVENT_PARCEL_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireEvent, WireEventParcel } from '../wire/event.js';
import { STATUS_ID_MAP } from './status.js';

/** Parses an event's object with its own contract, reporting drift as the client does. */
export interface EventObjectParsers {
  parcel(object: unknown): WireEventParcel;
  /** Where a status id no map lists is recorded, and so alerted on. */
  unknownValues: UnknownValueTracker;
}

/** The one action that moves a track (v2-webhooks.openapi.yml and v3-webhooks.openapi.yml); the others are kept as `unknown`. */
const PARCEL_STATUS_CHANGED = 'parcel_status_changed';

/**
 * The webhook's `timestamp` is documented as "a unix timestamp" without its unit; the specs' one
 * concrete value, 1525271885993 (IntegrationWebhookBase.timestamp in v2-webhooks.openapi.yml and
 * v3-webhooks.openapi.yml), is in milliseconds, so milliseconds are what is read (and what the
 * intake's replay window reads, webhooks.ts).
 */
function instant(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) throw new IntegrationError('contract_violation', `${SENDCLOUD_PROVIDER}: ${field} is not a whole unix time in milliseconds`, { provider: SENDCLOUD_PROVIDER, endpoint: 'webhook', reason: 'invalid_instant' });
  return value;
}

/**
 * One verified delivery as canonical events. `parcel_status_changed` carries the parcel's new
 * status id alone, not its history, so its track holds that one status, timed by the carrier's
 * change when Sendcloud sends it and by the event otherwise; the hub's state machine orders a late
 * or reordered one. An id whose meaning Sendcloud does not document is `unknown`, kept raw and
 * alerted on. Any other action is `unknown` with its type kept.
 */
export function toLogisticsEvents(event: WireEvent, eventId: string, parse: EventObjectParsers, receivedAt: number): LogisticsEvent[] {
  const read = fieldReader(EVENT_FIELDS, event);
  const type = read.get('type');
  const occurredAt = instant(read.get('createdAt'), EVENT_FIELDS.inbound.createdAt);
  if (occurredAt === undefined) throw new IntegrationError('contract_violation', `${SENDCLOUD_PROVIDER}: a webhook without its timestamp`, { provider: SENDCLOUD_PROVIDER, endpoint: 'webhook', reason: 'missing_field' });
  const base = { id: eventId, provider: SENDCLOUD_PROVIDER, providerEventId: eventId, rawType: type, occurredAt };
  if (type !== PARCEL_STATUS_CHANGED) return [{ ...base, type: 'unknown' }];
  const parcel = fieldReader(EVENT_PARCEL_FIELDS, parse.parcel(read.raw('parcel')));
  const trackingNumber = parcel.get('trackingNumber');
  const status = STATUS_ID_MAP.map(String(parcel.get('statusId')), parse.unknownValues);
  const changedAt = instant(read.get('statusChangedAt'), EVENT_FIELDS.inbound.statusChangedAt) ?? occurredAt;
  const scan = { trackingNumber, status: status.status, rawCode: status.raw, rawText: parcel.get('statusMessage'), occurredAt: changedAt, receivedAt };
  const track = summarizeTrack({ provider: SENDCLOUD_PROVIDER, trackingNumber, carrierShipmentId: parcel.text('shipmentId') }, [scan]);
  return [{ ...base, type: 'tracking.updated', track }];
}
