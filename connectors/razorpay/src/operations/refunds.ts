import type { Refund, RefundOptions } from '@interlock/payments';
import { refused } from '../errors.js';
import { PAYMENT_FIELDS, readFields } from '../fields.js';
import { isCaptured } from '../transform/payment.js';
import { refundIdempotencyKey, toRefund, toRefundBody } from '../transform/refund.js';
import type { WirePayment } from '../wire/index.js';
import { isPaymentAttemptId, type RazorpayContext } from './context.js';
import { readView } from './payments.js';

function remaining(payment: WirePayment): number {
  const read = readFields(PAYMENT_FIELDS, payment);
  return read.requiredInt('amountMinor') - (read.int('amountRefunded') ?? 0);
}

/**
 * Refunds the order's captured payment (or the `pay_…` attempt named), in full when no amount is
 * given. `X-Refund-Idempotency` carries the operation's key on every attempt, so a retried refund
 * is never paid twice. Refunding through an order id, the refund's `paymentId` is the order's id;
 * through a `pay_…` id it is that id, since Razorpay's refund entity does not name the order.
 */
export async function refundPayment(ctx: RazorpayContext, id: string, options: RefundOptions = {}): Promise<Refund> {
  let target = id;
  let currency: string | undefined;
  if (!isPaymentAttemptId(id)) {
    const view = await readView(ctx, id);
    const wanted = options.amount?.amountMinor ?? 1;
    const captured = view.payments.filter(isCaptured).find((payment) => remaining(payment) >= wanted);
    if (captured === undefined) throw refused('createRefund', 'nothing_to_refund', `${id} has no captured payment with ${wanted} left to refund`);
    const read = readFields(PAYMENT_FIELDS, captured);
    target = read.requiredText('id');
    currency = read.requiredText('currency');
  }
  const body = toRefundBody(options, currency);
  const key = refundIdempotencyKey(options.idempotencyKey);
  const refund = await ctx.api.call('createRefund', { pathParams: { id: target }, body, ...(key === undefined ? {} : { idempotencyKey: key }) });
  return toRefund(refund, id);
}

/** One refund by its `rfnd_…` id; `paymentId` is the refunded `pay_…` id. */
export async function getRefund(ctx: RazorpayContext, refundId: string): Promise<Refund> {
  return toRefund(await ctx.api.call('getRefund', { pathParams: { id: refundId } }));
}
