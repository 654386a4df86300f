import type { ReadOptions, RecordPolling } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import type { Track } from '../models/tracking.js';
import { isFinalTrackingStatus } from '../tracking-status.js';
import { SHIPMENT_RECORD_TYPE } from './records.js';
import { trackOf } from './track-change.js';
import { shipmentWatching } from './watching.js';

/**
 * One tracking number's track as the carrier holds it now: what the poller and a read request
 * (a push that only asks for a read) both apply. A number the carrier does not know fails.
 */
export async function readTrack(connector: Pick<LogisticsConnector, 'provider' | 'track'>, trackingNumber: string, options: ReadOptions = {}): Promise<Track> {
  const [result] = await connector.track([trackingNumber], options);
  return trackOf(result, connector.provider, trackingNumber);
}

/**
 * Tracking is polled as the source of truth: each open tracking number is read through the
 * connector until it is delivered, returned or canceled, so every shipment settles with every
 * webhook lost. A number the carrier does not know (yet) fails the read, which the poller retries
 * on its schedule. A read goes to the carrier (the hub caches no tracking), so what settles a
 * shipment is the carrier's state now. A read is dated by the carrier's time of its latest scan
 * (its `occurredAt`, resolved to UTC), not by when we read it, so a stale read (a cache, a lagging
 * tracking API) cannot pass for news. Carriers that push only for subscribed numbers are asked
 * to watch each number while it is polled (`shipmentWatching`).
 */
/** How long the hub polls a shipment that has not reached a final status: 30 days. */
export const SHIPMENT_OPEN_FOR_HOURS = 30 * 24;

export const shipmentPolling: RecordPolling<LogisticsConnector> = {
  recordType: SHIPMENT_RECORD_TYPE,
  isSettled: isFinalTrackingStatus,
  changeTime: 'provider',
  // International parcels, customs holds and returns take weeks; giving up after a day would
  // report most parcels still on their way as stuck, and stop the poller that settles them.
  openForHours: SHIPMENT_OPEN_FOR_HOURS,
  async read(connector, trackingNumber, signal) {
    const track = await readTrack(connector, trackingNumber, { signal });
    return { status: track.status, updatedAt: track.updatedAt, snapshot: JSON.stringify(track) };
  },
  watching: shipmentWatching,
};
