import type { Clock } from '../clock/clock.js';
import type { Emit } from '../telemetry/telemetry.js';
import type { Money } from '../units/money.js';
import {
  addToTotals,
  type CurrencyTotal,
  type DuplicateKey,
  type MismatchedRecord,
  type ReconciliationPeriod,
  type ReconciliationReport,
  type UnmatchedRecord,
} from './report.js';

/** One side of the comparison: its records and how to read their key and amount. */
export interface ReconciliationSide<R> {
  records: Iterable<R> | AsyncIterable<R>;
  key(record: R): string;
  amount(record: R): Money;
}

/** What to compare, for which period, and whom to tell. */
export interface ReconcileOptions<O, T> {
  /** Which comparison this is, e.g. `payments.settlements`; it names the telemetry events. */
  name: string;
  provider: string;
  period: ReconciliationPeriod;
  ours: ReconciliationSide<O>;
  theirs: ReconciliationSide<T>;
  /**
   * Fields besides the amount that must agree (a status, a currency of a fee); returns the names
   * of those that differ. The amount and its currency are always compared.
   */
  compare?(ours: O, theirs: T): readonly string[];
  clock: Clock;
  emit?: Emit;
  /** How many differing keys the alert event names. Default 10. */
  alertSampleSize?: number;
}

interface IndexedSide<R> {
  byKey: Map<string, R>;
  totals: Record<string, CurrencyTotal>;
  duplicates: DuplicateKey[];
}

async function index<R>(side: ReconciliationSide<R>, label: DuplicateKey['side']): Promise<IndexedSide<R>> {
  const byKey = new Map<string, R>();
  const counts = new Map<string, number>();
  const totals: Record<string, CurrencyTotal> = {};
  for await (const record of side.records) {
    const key = side.key(record);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!byKey.has(key)) byKey.set(key, record);
    addToTotals(totals, side.amount(record));
  }
  const duplicates = [...counts].filter(([, count]) => count > 1).map(([key, count]) => ({ side: label, key, count }));
  return { byKey, totals, duplicates };
}

function amountDifferences(ours: Money, theirs: Money): string[] {
  const fields: string[] = [];
  if (ours.currency !== theirs.currency) fields.push('currency');
  else if (ours.amountMinor !== theirs.amountMinor) fields.push('amount');
  return fields;
}

/**
 * Compares our records with the provider's for a period, record by record (matched on a key)
 * and in count and sum per currency, and reports what is missing, extra, mismatched or keyed
 * twice. Both sides are read to the end before anything is compared, so a read that fails part
 * way fails the run instead of reporting the unread records as missing.
 *
 * Any difference raises `reconciliation.difference` (the alert); every run reports
 * `reconciliation.completed`.
 */
export async function reconcile<O, T>(options: ReconcileOptions<O, T>): Promise<ReconciliationReport<O, T>> {
  const { clock, name, provider, period } = options;
  const startedAt = clock.now();
  const [ours, theirs] = await Promise.all([index(options.ours, 'ours'), index(options.theirs, 'theirs')]);
  const missing: UnmatchedRecord<O>[] = [];
  const mismatched: MismatchedRecord<O, T>[] = [];
  for (const [key, record] of ours.byKey) {
    const other = theirs.byKey.get(key);
    if (other === undefined) {
      missing.push({ key, record });
      continue;
    }
    const fields = [...amountDifferences(options.ours.amount(record), options.theirs.amount(other)), ...(options.compare?.(record, other) ?? [])];
    if (fields.length > 0) mismatched.push({ key, fields, ours: record, theirs: other });
  }
  const extra: UnmatchedRecord<T>[] = [];
  for (const [key, record] of theirs.byKey) if (!ours.byKey.has(key)) extra.push({ key, record });
  const duplicates = [...ours.duplicates, ...theirs.duplicates];
  const differences = missing.length + extra.length + mismatched.length + duplicates.length;
  const finishedAt = clock.now();
  const report: ReconciliationReport<O, T> = {
    name,
    provider,
    period,
    startedAt,
    finishedAt,
    totals: { ours: ours.totals, theirs: theirs.totals },
    missing,
    extra,
    mismatched,
    duplicates,
    differences,
  };
  const base = { at: finishedAt, provider, name, periodFrom: period.from, periodTo: period.to };
  options.emit?.({
    type: 'reconciliation.completed',
    ...base,
    compared: ours.byKey.size + extra.length,
    missing: missing.length,
    extra: extra.length,
    mismatched: mismatched.length,
    duplicates: duplicates.length,
    differences,
  });
  if (differences > 0) {
    const sampleKeys = [...missing, ...extra, ...mismatched, ...duplicates].slice(0, options.alertSampleSize ?? 10).map((entry) => entry.key);
    options.emit?.({ type: 'reconciliation.difference', ...base, differences, sampleKeys });
  }
  return report;
}
