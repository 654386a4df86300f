import type { ReconciliationJob } from '@interlock/core';
import type { AlertTelemetry } from './alert-telemetry.js';

/** The jobs, each handing its finished report to the alerts (which read its sums per currency). */
export function reportReconciliations(jobs: readonly ReconciliationJob[], telemetry: Pick<AlertTelemetry, 'recordReconciliation'>): ReconciliationJob[] {
  return jobs.map((job) => ({
    provider: job.provider,
    run: async (period) => {
      const report = await job.run(period);
      telemetry.recordReconciliation(report);
      return report;
    },
  }));
}
