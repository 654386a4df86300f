import type { FaultMeasurement } from './fault-measurement.js';
import type { OldDeliveries } from './hub-run.js';
import type { HubTally } from './hub-tally.js';
import type { PaymentsThroughHubResult } from './payments-through-hub.js';
import type { ShipmentsThroughHubResult } from './shipments-through-hub.js';

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;
const counts = (record: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(record)
    .map(([key, value]) => `${key} ${value ?? 0}`)
    .join(', ');

/** What every run reports: the hub's counts, the old deliveries, the faults the simulator really injected. */
function hubLines(hub: HubTally, oldDeliveries: OldDeliveries, faults: FaultMeasurement): string[] {
  return [
    `  webhooks sent: ${counts(hub.sent)}; hub ingress: ${counts(hub.webhooks)}`,
    `  old deliveries replayed: ${oldDeliveries.sent}, answered ${oldDeliveries.statuses.join(',')}, stored ${oldDeliveries.storedMeanwhile}`,
    `  hub queue: ${counts(hub.queue)}; guard refusals: ${counts(hub.guardRefusals)}; applied twice: ${hub.appliedTwice.length}`,
    `  settled first by: webhook ${hub.settledBy.webhook}, hub poller ${hub.settledBy.poller}`,
    `  faults: ${faults.transientFaults} transient of ${faults.requests - faults.outageRefusals} requests outside the outage (${percent(faults.transientShare)}); outage refused ${faults.outageRefusals} over ${(faults.outageMs / 60_000).toFixed(2)} min`,
  ];
}

/** A payments run's counts as lines for a person. */
export function describeRun(provider: string, result: PaymentsThroughHubResult): string[] {
  const { reconciliation } = result;
  const stories: Record<string, number> = {};
  for (const plan of result.planned) stories[plan.story] = (stories[plan.story] ?? 0) + 1;
  return [
    `${provider} through the hub: ${result.planned.length} payments (${counts(stories)}), ${result.calls} calls, ${(result.virtualMs / 60_000).toFixed(1)} virtual minutes`,
    ...hubLines(result.hub, result.oldDeliveries, result.faults),
    `  reconciliation: ${reconciliation.differences} differences (${reconciliation.missing} missing, ${reconciliation.extra} extra, ${reconciliation.mismatched} mismatched)`,
    `  duplicate charges: ${result.duplicateCharges}; drift reported: ${result.drift.length}`,
  ];
}

/** A logistics run's counts as lines for a person. */
export function describeShipments(carrier: string, result: ShipmentsThroughHubResult): string[] {
  const finals: Record<string, number> = {};
  for (const parcel of result.parcels) finals[parcel.held ?? 'missing'] = (finals[parcel.held ?? 'missing'] ?? 0) + 1;
  return [
    `${carrier} through the hub: ${result.parcels.length} parcels (in the hub: ${counts(finals)}), ${result.calls} calls, ${(result.virtualMs / 60_000).toFixed(1)} virtual minutes`,
    ...hubLines(result.hub, result.oldDeliveries, result.faults),
    `  duplicate labels: ${result.duplicateLabels}; drift reported: ${result.drift.length}; unknown carrier codes alerted: ${result.unknownValues.length}`,
  ];
}
