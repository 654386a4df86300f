import type { ReconciliationPeriod, ReconciliationReport } from '@interlock/core';

/** The part of a report the audit trail, the alert and the CLI show. */
export interface ReconciliationSummary {
  provider: string;
  name: string;
  period: ReconciliationPeriod;
  differences: number;
  missing: number;
  extra: number;
  mismatched: number;
  duplicates: number;
  /** Keys of the first differing records, enough to start looking. */
  sample: readonly string[];
}

export function summarise(report: ReconciliationReport<unknown, unknown>, sampleSize = 10): ReconciliationSummary {
  return {
    provider: report.provider,
    name: report.name,
    period: report.period,
    differences: report.differences,
    missing: report.missing.length,
    extra: report.extra.length,
    mismatched: report.mismatched.length,
    duplicates: report.duplicates.length,
    sample: [...report.missing, ...report.extra, ...report.mismatched, ...report.duplicates].slice(0, sampleSize).map((entry) => entry.key),
  };
}
