import type { Money } from '../units/money.js';

/** A window of time, epoch milliseconds: `from` inclusive, `to` exclusive. */
export interface ReconciliationPeriod {
  from: number;
  to: number;
}

/** How many records and how much money one side holds in one currency. */
export interface CurrencyTotal {
  count: number;
  /** Sum in the currency's minor unit; a safe integer or the run fails rather than round. */
  amountMinor: number;
}

/** A record on our side that the provider does not have (or the reverse, for `extra`). */
export interface UnmatchedRecord<R> {
  key: string;
  record: R;
}

/** A record both sides have but describe differently; `fields` names what differs. */
export interface MismatchedRecord<O, T> {
  key: string;
  fields: readonly string[];
  ours: O;
  theirs: T;
}

/** Several records on one side share a key, so matching them one to one is impossible. */
export interface DuplicateKey {
  side: 'ours' | 'theirs';
  key: string;
  count: number;
}

/**
 * The result of comparing our records with the provider's for one period. `differences` counts
 * every missing, extra, mismatched and duplicated record, so zero means the two sides agree
 * record by record (and therefore in count and sum per currency too).
 */
export interface ReconciliationReport<O, T> {
  name: string;
  provider: string;
  period: ReconciliationPeriod;
  startedAt: number;
  finishedAt: number;
  totals: {
    ours: Readonly<Record<string, CurrencyTotal>>;
    theirs: Readonly<Record<string, CurrencyTotal>>;
  };
  /** Ours, absent at the provider: money we think moved that the provider never reported. */
  missing: readonly UnmatchedRecord<O>[];
  /** The provider's, absent from ours: money that moved without our knowing. */
  extra: readonly UnmatchedRecord<T>[];
  mismatched: readonly MismatchedRecord<O, T>[];
  duplicates: readonly DuplicateKey[];
  differences: number;
}

/** Adds one amount to the per-currency totals. */
export function addToTotals(totals: Record<string, CurrencyTotal>, amount: Money): void {
  const total = (totals[amount.currency] ??= { count: 0, amountMinor: 0 });
  total.count += 1;
  total.amountMinor += amount.amountMinor;
  if (!Number.isSafeInteger(total.amountMinor)) {
    throw new RangeError(`The ${amount.currency} total left the safe integer range; reconcile a shorter period`);
  }
}
