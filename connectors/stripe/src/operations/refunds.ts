import type { Refund, RefundOptions } from '@interlock/payments';
import { toCreateRefundBody, toRefund } from '../transform/refund.js';
import { checkIdempotencyKey, checkSameCurrency } from '../transform/request-checks.js';
import { idempotencyOf, type StripeContext } from './context.js';
import { getPayment } from './payments.js';

export async function refundPayment(ctx: StripeContext, paymentId: string, options: RefundOptions = {}): Promise<Refund> {
  const endpoint = 'createRefund';
  checkIdempotencyKey(options.idempotencyKey, endpoint);
  // A refund amount is read in the charge's currency: check it against the payment's first.
  if (options.amount) checkSameCurrency((await getPayment(ctx, paymentId)).amount.currency, options.amount.currency, endpoint);
  const refund = await ctx.api.call(endpoint, { body: toCreateRefundBody(paymentId, options, options.amount, endpoint), ...idempotencyOf(options) });
  return toRefund(refund, ctx.transform);
}

export async function getRefund(ctx: StripeContext, id: string): Promise<Refund> {
  return toRefund(await ctx.api.call('retrieveRefund', { pathParams: { id } }), ctx.transform);
}
