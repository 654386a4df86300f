import type { Clock, IntegrityStore, ReconciliationJob } from '@interlock/core';
import type { RunningProvider } from '../connectors/providers.js';

/** One reconciliation job per provider whose domain reconciles. */
export function reconciliationJobs(providers: readonly RunningProvider[], integrity: IntegrityStore, clock: Clock): ReconciliationJob[] {
  return providers.flatMap((provider) => {
    const { domain } = provider.descriptor;
    if (!domain.reconciliation) return [];
    return [domain.reconciliation({ provider: provider.name, connector: provider.connector, integrity, clock, reportingLagMs: provider.reportingLagMs })];
  });
}
