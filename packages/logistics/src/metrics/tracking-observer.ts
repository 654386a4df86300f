import type { AppliedChange, BusinessObservation } from '@interlock/core';
import { SHIPMENT_RECORD_TYPE } from '../plugin/records.js';
import { LOGISTICS_METRICS } from './definitions.js';

/** The statuses whose share of shipments tells whether deliveries work. */
const OUTCOMES: ReadonlySet<string> = new Set(['delivered', 'exception', 'returned_to_sender']);

/**
 * What one applied tracking change says: how late its status reached us (the hub's receipt
 * against the carrier's time of the scan) and a shipment reaching an outcome.
 */
export function observeTrackingChange({ change, previous, receivedAt }: AppliedChange): BusinessObservation[] {
  if (change.recordType !== SHIPMENT_RECORD_TYPE) return [];
  // A carrier clock running ahead of ours makes a negative lag: it reached us at once.
  const observations: BusinessObservation[] = [{ metric: LOGISTICS_METRICS.trackingLagSeconds, labels: {}, value: Math.max(0, receivedAt - change.occurredAt) / 1_000 }];
  if (OUTCOMES.has(change.status) && change.status !== previous?.status) observations.push({ metric: LOGISTICS_METRICS.outcomes, labels: { outcome: change.status }, value: 1 });
  return observations;
}
