import { addMoney, reconcile, subtractMoney, type Clock, type Emit, type Money, type ReconciliationReport } from '@interlock/core';
import type { SettlementPeriod } from '../connector.js';
import type { Payment } from '../models/payment.js';
import type { SettlementLine } from '../models/settlement-line.js';
import type { PaymentMovement } from './movements.js';

/** Our side for one payment: what moved for it, net. */
export interface OurPaymentNet {
  paymentId: string;
  amount: Money;
}

/** The provider's side for one payment (its charge and refund lines, net), or one line that names no payment. */
export interface TheirPaymentNet {
  paymentId: string | undefined;
  amount: Money;
  lines: readonly SettlementLine[];
}

/** What to reconcile: our payments (or the movements we recorded) against the provider's settlement lines. */
export type ReconcilePaymentsOptions = {
  provider: string;
  period: SettlementPeriod;
  /** The provider's lines for the period, usually `connector.listSettlements(period)`. */
  settlements: AsyncIterable<SettlementLine>;
  clock: Clock;
  emit?: Emit;
} & (
  | {
      /** Payments whose whole history falls in the period: each nets to captured minus refunded. */
      payments: Iterable<Payment> | AsyncIterable<Payment>;
    }
  | {
      /** The money movements we recorded for the period (the hub keeps them as its workers apply events). */
      movements: Iterable<PaymentMovement> | AsyncIterable<PaymentMovement>;
    }
);

/** The report of one payments reconciliation run. */
export type PaymentsReconciliationReport = ReconciliationReport<OurPaymentNet, TheirPaymentNet>;

/** Lines for fees and payouts have no record of ours to match; they are the provider's own movements. */
const MATCHED_KINDS: ReadonlySet<SettlementLine['kind']> = new Set(['charge', 'refund', 'unknown']);

function accumulate(totals: Map<string, Money>, paymentId: string, amount: Money): void {
  const sum = totals.get(paymentId);
  totals.set(paymentId, sum === undefined ? amount : addMoney(sum, amount));
}

async function ourNets(options: ReconcilePaymentsOptions): Promise<OurPaymentNet[]> {
  const nets = new Map<string, Money>();
  if ('payments' in options) {
    for await (const payment of options.payments) {
      if (payment.amountCaptured.amountMinor > 0) {
        accumulate(nets, payment.id, subtractMoney(payment.amountCaptured, payment.amountRefunded));
      }
    }
  } else {
    for await (const movement of options.movements) accumulate(nets, movement.paymentId, movement.amount);
  }
  return [...nets].map(([paymentId, amount]) => ({ paymentId, amount }));
}

async function theirNets(settlements: AsyncIterable<SettlementLine>): Promise<TheirPaymentNet[]> {
  const byPayment = new Map<string, { amount: Money; lines: SettlementLine[] }>();
  const unmatched: TheirPaymentNet[] = [];
  for await (const line of settlements) {
    if (!MATCHED_KINDS.has(line.kind)) continue;
    // A line of a kind nobody mapped, or one naming no payment, cannot match anything of ours:
    // it stands alone and surfaces as `extra` for a person to look at.
    if (line.kind === 'unknown' || line.paymentId === undefined) {
      unmatched.push({ paymentId: undefined, amount: line.gross, lines: [line] });
      continue;
    }
    const entry = byPayment.get(line.paymentId);
    if (entry) {
      entry.amount = addMoney(entry.amount, line.gross);
      entry.lines.push(line);
    } else {
      byPayment.set(line.paymentId, { amount: line.gross, lines: [line] });
    }
  }
  return [...[...byPayment].map(([paymentId, entry]) => ({ paymentId, ...entry })), ...unmatched];
}

/**
 * Reconciles what moved for each payment by our records with what the provider settled for it
 * in the period: the payment's charge and refund lines summed against our captures and refunds
 * summed, payment by payment, and in count and sum per currency. Netting per payment is what
 * makes a partial capture (Stripe books the whole authorisation, then releases the rest as a
 * refund line) and a refund in the same period agree. Fee and payout lines are the provider's own
 * and are not matched. Any difference raises core's `reconciliation.difference` alert event.
 */
export async function reconcilePayments(options: ReconcilePaymentsOptions): Promise<PaymentsReconciliationReport> {
  const [ours, theirs] = await Promise.all([ourNets(options), theirNets(options.settlements)]);
  return reconcile<OurPaymentNet, TheirPaymentNet>({
    name: 'payments.settlements',
    provider: options.provider,
    period: options.period,
    clock: options.clock,
    ...(options.emit ? { emit: options.emit } : {}),
    ours: { records: ours, key: (net) => `payment:${net.paymentId}`, amount: (net) => net.amount },
    theirs: {
      records: theirs,
      key: (net) => (net.paymentId === undefined ? `line:${(net.lines[0] as SettlementLine).id}` : `payment:${net.paymentId}`),
      amount: (net) => net.amount,
    },
  });
}
