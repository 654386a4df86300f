import type { PaymentsThroughHubResult } from './payments-through-hub.js';

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;
const counts = (record: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(record)
    .map(([key, value]) => `${key} ${value ?? 0}`)
    .join(', ');

/** The run's counts as lines for a person: what the hub counted, what the simulator did, what reconciliation found. */
export function describeRun(provider: string, result: PaymentsThroughHubResult): string[] {
  const { hub, faults, reconciliation, oldDeliveries } = result;
  const stories: Record<string, number> = {};
  for (const plan of result.planned) stories[plan.story] = (stories[plan.story] ?? 0) + 1;
  return [
    `${provider} through the hub: ${result.planned.length} payments (${counts(stories)}), ${result.calls} calls, ${(result.virtualMs / 60_000).toFixed(1)} virtual minutes`,
    `  webhooks sent: ${counts(hub.sent)}; hub ingress: ${counts(hub.webhooks)}`,
    `  old deliveries replayed: ${oldDeliveries.sent}, answered ${oldDeliveries.statuses.join(',')}, stored ${oldDeliveries.storedMeanwhile}`,
    `  hub queue: ${counts(hub.queue)}; guard refusals: ${counts(hub.guardRefusals)}; applied twice: ${hub.appliedTwice.length}`,
    `  settled first by: webhook ${hub.settledBy.webhook}, hub poller ${hub.settledBy.poller}`,
    `  faults: ${faults.transientFaults} transient of ${faults.requests - faults.outageRefusals} requests outside the outage (${percent(faults.transientShare)}); outage refused ${faults.outageRefusals} over ${(faults.outageMs / 60_000).toFixed(2)} min`,
    `  reconciliation: ${reconciliation.differences} differences (${reconciliation.missing} missing, ${reconciliation.extra} extra, ${reconciliation.mismatched} mismatched)`,
    `  duplicate charges: ${result.duplicateCharges}; drift reported: ${result.drift.length}`,
  ];
}
