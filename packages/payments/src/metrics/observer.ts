import type { AppliedChange, BusinessObservation } from '@interlock/core';
import { paymentSchema, type Payment } from '../models/payment.js';
import type { PaymentStatus } from '../payment-status.js';
import { PAYMENT_RECORD_TYPE } from '../plugin/records.js';
import { movementsBetween } from '../reconciliation/movements.js';
import { PAYMENT_METRICS } from './definitions.js';

type Outcome = 'succeeded' | 'failed' | 'canceled';

/** A refund only follows a success, so a payment first seen refunded has succeeded too. */
const OUTCOMES: Readonly<Partial<Record<PaymentStatus, Outcome>>> = {
  succeeded: 'succeeded',
  partially_refunded: 'succeeded',
  refunded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
};

const isRefunded = (status: string | undefined): boolean => status === 'partially_refunded' || status === 'refunded';
const outcomeOf = (status: string | undefined): Outcome | undefined => OUTCOMES[status as PaymentStatus];
const paymentOf = (snapshot: string | undefined): Payment | undefined => (snapshot === undefined ? undefined : paymentSchema.parse(JSON.parse(snapshot)));

/**
 * What one applied payment change moved: an outcome reached (and how long it took since the
 * payment was created), the money captured and refunded since the state it replaced (the same
 * movements reconciliation compares), and a payment refunded for the first time.
 */
export function observePaymentChange({ change, previous }: AppliedChange): BusinessObservation[] {
  const next = change.recordType === PAYMENT_RECORD_TYPE ? paymentOf(change.snapshot) : undefined;
  if (next === undefined) return [];
  const observations: BusinessObservation[] = [];
  const outcome = outcomeOf(next.status);
  if (outcome !== undefined && outcome !== outcomeOf(previous?.status)) {
    observations.push(
      { metric: PAYMENT_METRICS.outcomes, labels: { outcome }, value: 1 },
      // The event's time against the creation time: both the provider's clock, never ours.
      { metric: PAYMENT_METRICS.settleSeconds, labels: { outcome }, value: Math.max(0, change.occurredAt - next.createdAt) / 1_000 },
    );
  }
  if (isRefunded(next.status) && !isRefunded(previous?.status)) observations.push({ metric: PAYMENT_METRICS.refunded, labels: {}, value: 1 });
  for (const movement of movementsBetween(paymentOf(previous?.snapshot), next, change.occurredAt)) {
    const labels = { currency: movement.amount.currency };
    observations.push(
      movement.kind === 'charge'
        ? { metric: PAYMENT_METRICS.succeededAmount, labels, value: movement.amount.amountMinor }
        : { metric: PAYMENT_METRICS.refundedAmount, labels, value: -movement.amount.amountMinor },
    );
  }
  return observations;
}
