import { fieldReader, IntegrationError, statusMap, type Money } from '@interlock/core';
import type { Refund, RefundOptions } from '@interlock/payments';
import { REFUND_FIELDS, REFUND_REASON_METADATA_KEY } from '../fields.js';
import { STRIPE_PROVIDER } from '../provider.js';
import { REFUND_STATUS, type WireRefund } from '../wire/refund.js';
import { idOf } from '../wire/common.js';
import { instantFromStripe, type TransformContext } from './context.js';
import { fromWireAmount, toWireAmount } from './money.js';

/** Refund statuses per canonical status; `requires_action` (a bank detail the customer must give) is still pending. */
export const REFUND_STATUS_MAP = statusMap(REFUND_STATUS, {
  pending: ['pending', 'requires_action'],
  succeeded: ['succeeded'],
  failed: ['failed'],
  canceled: ['canceled'],
});

/** The values of Stripe's `reason` parameter on refund creation; other reasons travel as metadata. */
const STRIPE_REFUND_REASONS: ReadonlySet<string> = new Set(['duplicate', 'fraudulent', 'requested_by_customer']);

/**
 * A Stripe refund as a canonical Refund. `paymentId` is the PaymentIntent; a refund of a charge
 * made without one (the legacy Charges API) points at the charge instead, the only id it has.
 */
export function toRefund(wire: WireRefund, ctx: TransformContext = {}): Refund {
  const read = fieldReader(REFUND_FIELDS, wire);
  const paymentId = idOf(read.get('paymentIntent')) ?? idOf(read.get('charge'));
  if (paymentId === undefined) {
    throw new IntegrationError('contract_violation', `${STRIPE_PROVIDER} refund ${read.get('id')} names neither a payment_intent nor a charge`, {
      provider: STRIPE_PROVIDER,
      endpoint: 'refund',
      reason: 'schema_mismatch',
    });
  }
  const rawStatus = read.get('status');
  const status = rawStatus === null || rawStatus === undefined ? { status: 'unknown' as const, raw: '' } : REFUND_STATUS_MAP.map(rawStatus, ctx.tracker);
  const reason = read.get('reason') ?? read.get('reasonText');
  return {
    id: read.get('id'),
    paymentId,
    amount: fromWireAmount(read.get('amount'), read.get('currency'), 'refund.amount'),
    status: status.status,
    statusRaw: status.raw,
    ...(reason === null || reason === undefined ? {} : { reason }),
    createdAt: instantFromStripe(read.get('createdAt'), 'refund.created'),
  };
}

/**
 * The form body of POST /v1/refunds. A reason outside Stripe's three is kept as
 * `metadata[reason]`, so the caller's words are not lost and the request is not refused.
 */
export function toCreateRefundBody(paymentIntentId: string, options: RefundOptions, amount: Money | undefined, operation: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  REFUND_FIELDS.write(body, 'paymentIntent', paymentIntentId);
  if (amount) REFUND_FIELDS.write(body, 'amount', toWireAmount(amount, operation));
  const reason = options.reason;
  if (reason !== undefined && STRIPE_REFUND_REASONS.has(reason)) REFUND_FIELDS.write(body, 'reason', reason);
  else if (reason !== undefined) REFUND_FIELDS.write(body, 'metadata', { [REFUND_REASON_METADATA_KEY]: reason });
  return body;
}
