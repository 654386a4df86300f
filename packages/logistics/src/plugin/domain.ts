import type { Clock, DomainPlugin } from '@interlock/core';
import { cachedConnector } from '../cache/cached-connector.js';
import { RateCache } from '../cache/rate-cache.js';
import type { LogisticsConnector } from '../connector.js';
import { logisticsMetrics } from '../metrics/logistics-metrics.js';
import { trackingStatusMachine } from '../tracking-status.js';
import { logisticsInterpreter } from './interpreter.js';
import { shipmentPolling } from './polling.js';
import { SHIPMENT_RECORD_TYPE } from './records.js';

/**
 * The logistics domain as the hub runs it, for every carrier's descriptor. It has no reconciliation
 * job. The hub holds each carrier's rates in a RateCache (a day, never past a rate's validity), so
 * its callers' quotes cost one carrier call a day per request. Tracking reads are not cached here:
 * the poller (and a push's read) must see the carrier's state now, and a five-minute cache would
 * hold back every settlement by up to its TTL; a caller with bursts of reads wraps its own
 * `cachedConnector` with a TrackingCache.
 */
export const logisticsDomain: DomainPlugin<LogisticsConnector> = Object.freeze({
  name: 'logistics',
  recordTypes: [SHIPMENT_RECORD_TYPE],
  machine: trackingStatusMachine,
  interpreter: logisticsInterpreter,
  polling: shipmentPolling,
  metrics: logisticsMetrics,
  hold: <K extends LogisticsConnector>(connector: K, { clock }: { clock: Clock }) => cachedConnector(connector, { rates: new RateCache({ clock }) }),
});
