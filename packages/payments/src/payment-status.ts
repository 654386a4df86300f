import { defineStateMachine } from '@interlock/core';
import { z } from 'zod';

/** The payment lifecycle states the state machine orders. */
export const PAYMENT_STATUSES = [
  'requires_action',
  'pending',
  'authorized',
  'succeeded',
  'partially_refunded',
  'refunded',
  'failed',
  'canceled',
] as const;

/** A state of the payment lifecycle. */
export type PaymentLifecycleStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A payment's canonical status: a lifecycle state, or `unknown` when the provider sent a value no
 * connector maps yet (the raw text is then kept in `statusRaw`, as core's status maps do).
 */
export type PaymentStatus = PaymentLifecycleStatus | 'unknown';

/** Zod schema for `PaymentStatus`, `unknown` included. */
export const paymentStatusSchema = z.enum([...PAYMENT_STATUSES, 'unknown']);

/** A refund, in part or in full; a partial one may be followed by another. */
const REFUNDS: PaymentLifecycleStatus[] = ['partially_refunded', 'refunded'];

/**
 * Which payment status may follow which, for core's `guardTransition` (the ordering guard on the
 * event path). `unknown` is deliberately not a state: an unmapped provider status cannot be
 * ordered against anything, so the guard refuses it (or a record stored with it) as
 * `unknown_state` instead of letting it overwrite a known status.
 *
 * `pending -> requires_action` exists because 3-D Secure can be demanded after the payment was
 * submitted; `requires_action -> succeeded` because cards often settle straight after the
 * customer authenticates and the guard checks single steps, so a skipped `pending` must not turn
 * the success into a refused backward transition; `authorized` holds a manual-capture payment
 * (Stripe's `requires_capture`, Razorpay's `authorized`) until it is captured or released;
 * `failed` is the latest attempt failing, not the payment's end: the customer may try another
 * card on the same PaymentIntent or Razorpay order, so a later success must not be refused as
 * backward; `partially_refunded -> partially_refunded` is another partial refund, which always
 * passes since a status may follow itself. Every state a payment can succeed from may be followed
 * by a refund for the same reason as `requires_action -> succeeded`: a poll that reads a payment
 * already refunded while its success webhook is still on its way skips `succeeded`, and waiting
 * for that step would dead-letter the read.
 */
export const paymentStatusMachine = defineStateMachine<PaymentLifecycleStatus>({
  name: 'payment',
  initial: ['requires_action', 'pending'],
  transitions: {
    requires_action: ['pending', 'authorized', 'succeeded', 'failed', 'canceled', ...REFUNDS],
    pending: ['requires_action', 'authorized', 'succeeded', 'failed', 'canceled', ...REFUNDS],
    authorized: ['succeeded', 'failed', 'canceled', ...REFUNDS],
    succeeded: REFUNDS,
    partially_refunded: REFUNDS,
    refunded: [],
    failed: ['requires_action', 'pending', 'authorized', 'succeeded', 'canceled', ...REFUNDS],
    canceled: [],
  },
});

/**
 * Statuses that will not change again without a new action from us (a refund, a new payment):
 * what a poller waits for. `succeeded` is one though the machine lets refunds follow it.
 */
export const SETTLED_PAYMENT_STATUSES: readonly PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded', 'failed', 'canceled'];

/** Whether a payment in this status is settled (see `SETTLED_PAYMENT_STATUSES`). */
export function isSettledPaymentStatus(status: PaymentStatus): boolean {
  return SETTLED_PAYMENT_STATUSES.includes(status);
}
