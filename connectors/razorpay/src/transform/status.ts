import { statusMap, type MappedStatus } from '@interlock/core';
import type { PaymentLifecycleStatus, RefundStatus } from '@interlock/payments';
import { ORDER_STATUS, PAYMENT_REFUND_STATUS, PAYMENT_STATUS, REFUND_STATUS } from '../wire/enums.js';

/** One payment attempt's status. A captured attempt is refined by its `refund_status` below. */
export const ATTEMPT_STATUS = statusMap(PAYMENT_STATUS, {
  pending: ['created'],
  authorized: ['authorized'],
  succeeded: ['captured'],
  refunded: ['refunded'],
  failed: ['failed'],
});

/** An order nobody has tried to pay yet waits for the customer (Checkout); `attempted` with no attempt visible is in progress. */
export const ORDER_ONLY_STATUS = statusMap(ORDER_STATUS, {
  requires_action: ['created'],
  pending: ['attempted'],
  succeeded: ['paid'],
});

/** A captured payment's `refund_status`. */
export const CAPTURED_REFUND_STATUS = statusMap(PAYMENT_REFUND_STATUS, {
  partially_refunded: ['partial'],
  refunded: ['full'],
});

export const REFUND_STATUS_MAP = statusMap(REFUND_STATUS, {
  pending: ['pending'],
  succeeded: ['processed'],
  failed: ['failed'],
});

export type CanonicalStatus = MappedStatus<PaymentLifecycleStatus>;
export type CanonicalRefundStatus = MappedStatus<Exclude<RefundStatus, 'unknown' | 'canceled'>>;

/**
 * Which attempt speaks for the order when it has several (a failed card, then a successful UPI
 * payment): money that moved beats money held, which beats anything unknown (kept visible rather
 * than hidden behind an older state), then an attempt in progress, then a failure. A failure
 * therefore only shows when nothing later succeeded.
 */
export const ATTEMPT_PRECEDENCE: Readonly<Record<CanonicalStatus['status'], number>> = {
  refunded: 6,
  partially_refunded: 6,
  succeeded: 6,
  authorized: 5,
  unknown: 4,
  pending: 3,
  requires_action: 2,
  failed: 1,
  canceled: 1,
};
