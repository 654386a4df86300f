import type { RecordWatching, WatchOutcome } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';

function nothingWatched(): Promise<WatchOutcome> {
  return Promise.resolve({ watched: [], refused: [] });
}

/**
 * Keeps a carrier's tracking pushes coming for the numbers the hub follows, where the carrier
 * pushes only for numbers subscribed to (its `watch`); a carrier without subscriptions is left alone.
 */
export const shipmentWatching: RecordWatching<LogisticsConnector> = {
  watch: (connector, trackingNumbers) => connector.watch?.(trackingNumbers) ?? nothingWatched(),
  unwatch: (connector, trackingNumber) => connector.unwatch?.(trackingNumber),
  renew: (connector) => connector.renewWatches?.() ?? nothingWatched(),
};
