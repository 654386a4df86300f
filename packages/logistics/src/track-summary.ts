import type { Track, TrackingEvent } from './models/tracking.js';

/** What a connector knows of a track besides its events. */
export interface TrackIdentity {
  provider: string;
  trackingNumber: string;
  carrierShipmentId?: string | undefined;
  service?: string | undefined;
  estimatedDeliveryAt?: number | undefined;
}

/**
 * A track from its events, in any order (UPS sends newest first, DHL oldest first). The status is
 * that of the latest event whose code is mapped: a code nobody mapped stays in `events` as
 * `unknown` with its raw code, and neither hides the status before it nor moves it backwards.
 * Events at the same instant keep the carrier's order. With no mapped event at all the track is
 * `unknown`, with the latest raw code.
 */
export function summarizeTrack(identity: TrackIdentity, events: readonly TrackingEvent[]): Track {
  const ordered = events.map((event, index) => ({ event, index })).sort((a, b) => a.event.occurredAt - b.event.occurredAt || a.index - b.index).map(({ event }) => event);
  const known = ordered.filter((event) => event.status !== 'unknown');
  const latest = known.at(-1) ?? ordered.at(-1);
  return {
    provider: identity.provider,
    trackingNumber: identity.trackingNumber,
    ...(identity.carrierShipmentId === undefined ? {} : { carrierShipmentId: identity.carrierShipmentId }),
    ...(identity.service === undefined ? {} : { service: identity.service }),
    status: known.length > 0 ? (latest?.status ?? 'unknown') : 'unknown',
    statusRaw: latest?.rawCode ?? '',
    updatedAt: latest?.occurredAt ?? 0,
    ...(identity.estimatedDeliveryAt === undefined ? {} : { estimatedDeliveryAt: identity.estimatedDeliveryAt }),
    events: ordered,
  };
}
