import type { ReconciliationPeriod, ReconciliationReport } from './report.js';

/**
 * One provider's reconciliation, as a scheduler runs it: compare our records with the provider's
 * for a period. Domains supply them; a run that cannot read one side to the end throws rather
 * than report the unread records as missing.
 */
export interface ReconciliationJob {
  provider: string;
  run(period: ReconciliationPeriod): Promise<ReconciliationReport<unknown, unknown>>;
}
