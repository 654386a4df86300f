import { isIntegrationError, type Money } from '@interlock/core';
import type { CaptureOptions, Payment, Refund, RefundOptions } from '@interlock/payments';
import { PAYMENT_FIELDS } from '../fields.js';
import { readerOf } from '../read.js';
import { moneyFromWire, refused, toWireAmount } from '../transform/amounts.js';
import { toCanonicalPayment, type OrderView } from '../transform/payment.js';
import { refundIdempotencyKey, toCanonicalRefund, toRefundBody } from '../transform/refund.js';
import { paymentContract, refundContract, type WirePayment } from '../wire/index.js';
import { isPaymentAttemptId, type RazorpayContext } from './context.js';
import { getPayment, readView } from './orders.js';

function attemptStatus(payment: WirePayment): string | undefined {
  const status = readerOf(PAYMENT_FIELDS, payment).enumValue('status');
  return status?.known ? status.value : undefined;
}

function remaining(payment: WirePayment): number {
  const read = readerOf(PAYMENT_FIELDS, payment);
  return read.requiredInt('amountMinor') - (read.int('amountRefunded') ?? 0);
}

function isCaptured(payment: WirePayment): boolean {
  const status = attemptStatus(payment);
  return readerOf(PAYMENT_FIELDS, payment).bool('captured') ?? (status === 'captured' || status === 'refunded');
}

function replaceAttempt(view: OrderView, updated: WirePayment): OrderView {
  const id = readerOf(PAYMENT_FIELDS, updated).requiredText('id');
  const others = view.payments.filter((payment) => readerOf(PAYMENT_FIELDS, payment).requiredText('id') !== id);
  return { ...view, payments: [...others, updated] };
}

/**
 * Captures the order's authorised payment (or the `pay_…` attempt named). Razorpay captures the
 * whole authorised amount and wants it restated with its currency; a payment already captured is
 * returned as it is, so a capture repeated after a lost answer is harmless.
 */
export async function capturePayment(ctx: RazorpayContext, id: string, options: CaptureOptions = {}): Promise<Payment> {
  const view = await readView(ctx, id);
  const authorized = view.payments
    .filter((payment) => attemptStatus(payment) === 'authorized')
    .sort((a, b) => readerOf(PAYMENT_FIELDS, b).requiredInt('createdAt') - readerOf(PAYMENT_FIELDS, a).requiredInt('createdAt'))[0];
  if (authorized === undefined) {
    if (view.payments.some(isCaptured)) return toCanonicalPayment(view);
    throw refused('capturePayment', 'nothing_to_capture', `${id} has no authorised payment to capture`);
  }
  const read = readerOf(PAYMENT_FIELDS, authorized);
  const currency = read.requiredText('currency');
  const amount: Money = options.amount ?? moneyFromWire(read.int('amountMinor'), currency, 'amount');
  if (amount.currency !== currency) {
    throw refused('capturePayment', 'currency_mismatch', `the capture is in ${amount.currency} but the payment is in ${currency}`);
  }
  const body: Record<string, unknown> = {};
  PAYMENT_FIELDS.write(body, 'amountMinor', toWireAmount(amount, 'capturePayment'));
  PAYMENT_FIELDS.write(body, 'currency', currency);
  try {
    const response = await ctx.client.request('capturePayment', { pathParams: { id: read.requiredText('id') }, body });
    return toCanonicalPayment(replaceAttempt(view, ctx.client.parse(paymentContract, response.body, 'capturePayment').value));
  } catch (error) {
    // A retry of a capture whose first answer was lost meets "already been captured".
    if (isIntegrationError(error) && error.providerCode === 'already_captured') return getPayment(ctx, id);
    throw error;
  }
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
    const read = readerOf(PAYMENT_FIELDS, captured);
    target = read.requiredText('id');
    currency = read.requiredText('currency');
  }
  const body = toRefundBody(options, currency);
  const key = refundIdempotencyKey(options.idempotencyKey);
  const response = await ctx.client.request('createRefund', { pathParams: { id: target }, body, ...(key === undefined ? {} : { idempotencyKey: key }) });
  return toCanonicalRefund(ctx.client.parse(refundContract, response.body, 'createRefund').value, id);
}

/**
 * Razorpay has no API to void an authorisation or to cancel an order: an authorisation that is
 * not captured is refunded to the customer automatically (within 3 to 5 days), and an unpaid
 * order simply stays unpaid. So a payment that already failed is returned as it is, and anything
 * else is refused with `invalid_request` before anything is sent. To hand the money back at once,
 * capture and refund (Razorpay keeps its fee on a captured payment).
 */
export async function cancelPayment(ctx: RazorpayContext, id: string): Promise<Payment> {
  const payment = await getPayment(ctx, id);
  if (payment.status === 'failed' || payment.status === 'canceled') return payment;
  const why =
    payment.status === 'authorized'
      ? 'Razorpay cannot void an authorisation: it refunds uncaptured payments automatically, or capture and refund'
      : `Razorpay cannot cancel a payment that is ${payment.status}`;
  throw refused('cancelPayment', 'cancel_not_supported', `${id}: ${why}`);
}
