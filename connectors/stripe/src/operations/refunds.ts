import { newIdempotencyKey } from '@interlock/core';
import type { OutcomeResolution, Refund, RefundOptions } from '@interlock/payments';
import { IDEMPOTENCY_METADATA_KEY, REFUND_FIELDS } from '../fields.js';
import { toCreateRefundBody, toRefund } from '../transform/refund.js';
import { checkIdempotencyKey, checkSameCurrency } from '../transform/request-checks.js';
import type { StripeContext } from './context.js';
import { readPages } from './pages.js';
import { getPayment } from './payments.js';

/**
 * Refunds the PaymentIntent's charge under one Idempotency-Key across retries, which the refund
 * also keeps in its metadata. Without a caller key, a refund that may have reached Stripe when the
 * retries ran out ends as `outcome_unknown`, settled by `resolveRefund`.
 */
export async function refundPayment(ctx: StripeContext, paymentId: string, options: RefundOptions = {}): Promise<Refund> {
  const endpoint = 'createRefund';
  checkIdempotencyKey(options.idempotencyKey, endpoint);
  // A refund amount is read in the charge's currency: check it against the payment's first.
  if (options.amount) checkSameCurrency((await getPayment(ctx, paymentId)).amount.currency, options.amount.currency, endpoint);
  const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey(ctx.clock.now());
  const body = toCreateRefundBody(paymentId, options, options.amount, endpoint);
  const metadata = body[REFUND_FIELDS.outbound.metadata];
  body[REFUND_FIELDS.outbound.metadata] = { ...(typeof metadata === 'object' && metadata !== null ? metadata : {}), [IDEMPOTENCY_METADATA_KEY]: idempotencyKey };
  const refund = await ctx.api.call(endpoint, { body, idempotencyKey, callerKeepsKey: options.idempotencyKey !== undefined });
  return toRefund(refund, ctx.transform);
}

/** What became of a refund that ended as `outcome_unknown`: the PaymentIntent's refund carrying its key, or none. */
export async function resolveRefund(ctx: StripeContext, paymentId: string, key: string): Promise<OutcomeResolution> {
  for await (const refund of readPages(ctx, 'listRefunds', { [REFUND_FIELDS.outbound.paymentIntent]: paymentId })) {
    if (refund.metadata?.[IDEMPOTENCY_METADATA_KEY] === key) return { happened: true, refund: toRefund(refund, ctx.transform) };
  }
  return { happened: false };
}

export async function getRefund(ctx: StripeContext, id: string): Promise<Refund> {
  return toRefund(await ctx.api.call('retrieveRefund', { pathParams: { id } }), ctx.transform);
}
