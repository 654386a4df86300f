import type { RecordPolling } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import { isFinalTrackingStatus } from '../tracking-status.js';
import { SHIPMENT_RECORD_TYPE } from './records.js';
import { trackOf } from './track-change.js';

/**
 * Tracking is polled as the source of truth: each open tracking number is read through the
 * connector until it is delivered, returned or canceled, so every shipment settles with every
 * webhook lost. A number the carrier does not know (yet) fails the read, which the poller retries
 * on its schedule. Give the hub a `cachedConnector` and a burst of reads costs one call.
 */
export const shipmentPolling: RecordPolling<LogisticsConnector> = {
  recordType: SHIPMENT_RECORD_TYPE,
  isSettled: isFinalTrackingStatus,
  async read(connector, trackingNumber, signal) {
    const [result] = await connector.track([trackingNumber], { signal });
    const track = trackOf(result, connector.provider, trackingNumber);
    return { status: track.status, updatedAt: track.updatedAt, snapshot: JSON.stringify(track) };
  },
};
