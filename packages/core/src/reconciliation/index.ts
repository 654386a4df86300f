export { reconcile, type ReconcileOptions, type ReconciliationSide } from './reconcile.js';
export type {
  CurrencyTotal,
  DuplicateKey,
  MismatchedRecord,
  ReconciliationPeriod,
  ReconciliationReport,
  UnmatchedRecord,
} from './report.js';
export type { ReconciliationJob } from './job.js';
