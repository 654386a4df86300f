import { negateMoney, reconcile, type Clock, type Emit, type Money, type ReconciliationReport } from '@interlock/core';
import type { SettlementPeriod } from '../connector.js';
import type { Payment } from '../models/payment.js';
import type { Refund } from '../models/refund.js';
import type { SettlementLine } from '../models/settlement-line.js';

/** One of our records as reconciliation sees it: a captured payment or a refund. */
export type PaymentsRecord = { kind: 'payment'; payment: Payment } | { kind: 'refund'; refund: Refund };

/** What to reconcile: our payments and refunds for the period against the provider's settlement lines. */
export interface ReconcilePaymentsOptions {
  provider: string;
  period: SettlementPeriod;
  /** Our payments expected to settle in the period; only those with money captured are compared. */
  payments: Iterable<Payment> | AsyncIterable<Payment>;
  /** Our refunds expected to settle in the period; only succeeded ones are compared. */
  refunds?: Iterable<Refund> | AsyncIterable<Refund>;
  /** The provider's lines for the period, usually `connector.listSettlements(period)`. */
  settlements: AsyncIterable<SettlementLine>;
  clock: Clock;
  emit?: Emit;
}

/** The report of one payments reconciliation run. */
export type PaymentsReconciliationReport = ReconciliationReport<PaymentsRecord, SettlementLine>;

/** Lines for fees and payouts have no record of ours to match; they are the provider's own movements. */
const MATCHED_KINDS: ReadonlySet<SettlementLine['kind']> = new Set(['charge', 'refund', 'unknown']);

async function* ourRecords(options: ReconcilePaymentsOptions): AsyncIterable<PaymentsRecord> {
  for await (const payment of options.payments) {
    if (payment.amountCaptured.amountMinor > 0) yield { kind: 'payment', payment };
  }
  for await (const refund of options.refunds ?? []) {
    if (refund.status === 'succeeded') yield { kind: 'refund', refund };
  }
}

async function* theirLines(settlements: AsyncIterable<SettlementLine>): AsyncIterable<SettlementLine> {
  for await (const line of settlements) if (MATCHED_KINDS.has(line.kind)) yield line;
}

function ourKey(record: PaymentsRecord): string {
  return record.kind === 'payment' ? `payment:${record.payment.id}` : `refund:${record.refund.id}`;
}

// A line of a kind nobody mapped, or one that names neither a payment nor a refund, keys on its
// own id: it cannot match anything of ours, so it surfaces as `extra` for a person to look at.
function lineKey(line: SettlementLine): string {
  if (line.kind === 'charge' && line.paymentId !== undefined) return `payment:${line.paymentId}`;
  if (line.kind === 'refund' && line.refundId !== undefined) return `refund:${line.refundId}`;
  return `line:${line.id}`;
}

// Refunds are money going back, so both sides carry them negative and the per-currency sums net out.
function ourAmount(record: PaymentsRecord): Money {
  return record.kind === 'payment' ? record.payment.amountCaptured : negateMoney(record.refund.amount);
}

function lineAmount(line: SettlementLine): Money {
  return line.gross;
}

/**
 * Reconciles our payments and refunds with the provider's settlement report for a period, record
 * by record (a payment's captured amount against its charge line's gross, a refund against its
 * refund line) and in count and sum per currency. Any difference raises core's
 * `reconciliation.difference` alert event.
 */
export function reconcilePayments(options: ReconcilePaymentsOptions): Promise<PaymentsReconciliationReport> {
  return reconcile<PaymentsRecord, SettlementLine>({
    name: 'payments.settlements',
    provider: options.provider,
    period: options.period,
    clock: options.clock,
    ...(options.emit ? { emit: options.emit } : {}),
    ours: { records: ourRecords(options), key: ourKey, amount: ourAmount },
    theirs: { records: theirLines(options.settlements), key: lineKey, amount: lineAmount },
  });
}
