import { createOrFind, isIntegrationError, newIdempotencyKey, readCall, type Money, type ReadOptions } from '@interlock/core';
import { captureOutcome, paymentSchema, type CaptureOptions, type CreatePaymentInput, type IdempotentOptions, type OutcomeResolution, type Payment, type PaymentListFilter } from '@interlock/payments';
import { refused, throttledMadeNothing } from '../errors.js';
import { ORDER_FIELDS, PAYMENT_FIELDS, readFields } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import { fromWireAmount, toWireAmount } from '../transform/money.js';
import { matchCreatedOrder, toOrderBody } from '../transform/order-request.js';
import { isCaptured, toPayment, type OrderView } from '../transform/payment.js';
import type { WireOrder, WirePayment } from '../wire/index.js';
import { isPaymentAttemptId, type RazorpayContext } from './context.js';
import { createdWindow, listQuery, readCollection } from './pages.js';

/** An order and every payment attempt made on it (`GET /v1/orders/:id` and `/v1/orders/:id/payments`). */
export async function readOrderView(ctx: RazorpayContext, orderId: string, options: ReadOptions = {}): Promise<OrderView & { order: WireOrder }> {
  const call = { pathParams: { id: orderId }, ...readCall(options) };
  const [order, payments] = await Promise.all([ctx.api.call('getOrder', call), ctx.api.call('listOrderPayments', call)]);
  return { order, payments: payments.items };
}

/** The view behind a canonical payment id: an order with its attempts, or one attempt alone (`GET /v1/payments/:id`). */
export async function readView(ctx: RazorpayContext, id: string, options: ReadOptions = {}): Promise<OrderView> {
  if (!isPaymentAttemptId(id)) return readOrderView(ctx, id, options);
  return { payments: [await ctx.api.call('getPayment', { pathParams: { id }, ...readCall(options) })] };
}

export async function getPayment(ctx: RazorpayContext, id: string, options: ReadOptions = {}): Promise<Payment> {
  return toPayment(await readView(ctx, id, options));
}

/**
 * Creates the order a customer pays through Checkout. Razorpay has no idempotency key for orders,
 * so core's createOrFind makes the create safe: the order carries the caller's reference as its
 * `receipt` and the operation's key in its notes, and before any retry of a create that may have
 * reached Razorpay the orders with that receipt are listed and this operation's order is used if
 * it exists. A caller that passes its own key may be repeating a call whose create reached
 * Razorpay (after a crash, a lost answer): with the connector's idempotency store the receipt is
 * looked up first only when a create under that key was sent before, and a call that finished is
 * answered from the store as it first answered; without a store, every such call looks first.
 */
export async function createPayment(ctx: RazorpayContext, input: CreatePaymentInput & IdempotentOptions): Promise<Payment> {
  const { api, clock } = ctx;
  const key = input.idempotencyKey ?? newIdempotencyKey(clock.now());
  const body = toOrderBody(input, key);
  const attempts = {
    provider: RAZORPAY_PROVIDER,
    endpoint: 'createOrder',
    clock,
    emit: api.client.emit,
    ...(ctx.createRetry ? { retry: ctx.createRetry } : {}),
    async create() {
      try {
        return toPayment({ order: await api.call('createOrder', { body }), payments: [] });
      } catch (error) {
        throw throttledMadeNothing(error);
      }
    },
    find: () => findCreatedPayment(ctx, input, key),
  };
  if (input.idempotencyKey !== undefined && ctx.idempotencyStore !== undefined) {
    const record = { store: ctx.idempotencyStore, body, revive: (stored: unknown) => paymentSchema.parse(stored) };
    return createOrFind({ ...attempts, idempotencyKey: key, record });
  }
  return createOrFind({ ...attempts, idempotencyKey: key, findFirst: input.idempotencyKey !== undefined });
}

/** The order a create under this key made, among the orders with its reference as their receipt. */
async function findCreatedOrder(ctx: RazorpayContext, input: CreatePaymentInput, key: string): Promise<WireOrder | undefined> {
  const orders: WireOrder[] = [];
  for await (const order of readCollection(ctx, 'listOrders', listQuery({ reference: input.reference }))) orders.push(order);
  return matchCreatedOrder(orders, input, key);
}

/** That order with every attempt on it, since it may have been paid since it was made. */
async function findCreatedPayment(ctx: RazorpayContext, input: CreatePaymentInput, key: string): Promise<Payment | undefined> {
  const order = await findCreatedOrder(ctx, input, key);
  return order === undefined ? undefined : toPayment(await readOrderView(ctx, readFields(ORDER_FIELDS, order).requiredText('id')));
}

/** What became of a create that ended as `outcome_unknown` (its lookup failed): the order its key made, or none. */
export async function resolveCreate(ctx: RazorpayContext, input: CreatePaymentInput, key: string): Promise<OutcomeResolution> {
  const payment = await findCreatedPayment(ctx, input, key);
  return payment === undefined ? { happened: false } : { happened: true, payment };
}

/** What became of a capture that ended as `outcome_unknown`: the payment's state now tells. */
export async function resolveCapture(ctx: RazorpayContext, id: string): Promise<OutcomeResolution> {
  return captureOutcome(RAZORPAY_PROVIDER, await getPayment(ctx, id));
}

/** Orders created in the window, newest first, each with its payments (`expand[]=payments`), read to the last page. */
export function listPayments(ctx: RazorpayContext, filter: PaymentListFilter = {}): AsyncIterable<Payment> {
  const orders = readCollection(ctx, 'listOrders', listQuery({ ...createdWindow(ctx, filter), expand: ['payments'] }));
  return {
    async *[Symbol.asyncIterator]() {
      for await (const order of orders) yield toPayment({ order, payments: order.payments?.items ?? [] });
    },
  };
}

/** Payment attempts (`pay_…`) created in the window, as Razorpay sends them, to the last page. */
export function listPaymentAttempts(ctx: RazorpayContext, filter: PaymentListFilter = {}): AsyncIterable<WirePayment> {
  return readCollection(ctx, 'listPayments', listQuery(createdWindow(ctx, filter)));
}

function isAuthorized(payment: WirePayment): boolean {
  const status = readFields(PAYMENT_FIELDS, payment).get('status');
  return status.known && status.value === 'authorized';
}

function replaceAttempt(view: OrderView, updated: WirePayment): OrderView {
  const id = readFields(PAYMENT_FIELDS, updated).get('id');
  return { ...view, payments: [...view.payments.filter((payment) => readFields(PAYMENT_FIELDS, payment).get('id') !== id), updated] };
}

/**
 * Captures the order's authorised payment (or the `pay_…` attempt named). Razorpay captures the
 * whole authorised amount and wants it restated with its currency; a payment already captured is
 * returned as it is, so a capture repeated after a lost answer is harmless.
 */
export async function capturePayment(ctx: RazorpayContext, id: string, options: CaptureOptions = {}): Promise<Payment> {
  const view = await readView(ctx, id);
  const createdAt = (payment: WirePayment): number => readFields(PAYMENT_FIELDS, payment).get('createdAt');
  const authorized = view.payments.filter(isAuthorized).sort((a, b) => createdAt(b) - createdAt(a))[0];
  if (authorized === undefined) {
    if (view.payments.some(isCaptured)) return toPayment(view);
    throw refused('capturePayment', 'nothing_to_capture', `${id} has no authorised payment to capture`);
  }
  const read = readFields(PAYMENT_FIELDS, authorized);
  const currency = read.requiredText('currency');
  const amount: Money = options.amount ?? fromWireAmount(read.int('amountMinor'), currency, 'amount');
  if (amount.currency !== currency) {
    throw refused('capturePayment', 'currency_mismatch', `the capture is in ${amount.currency} but the payment is in ${currency}`);
  }
  const body: Record<string, unknown> = {};
  PAYMENT_FIELDS.write(body, 'amountMinor', toWireAmount(amount, 'capturePayment'));
  PAYMENT_FIELDS.write(body, 'currency', currency);
  try {
    return toPayment(replaceAttempt(view, await ctx.api.call('capturePayment', { pathParams: { id: read.requiredText('id') }, body })));
  } catch (error) {
    // A retry of a capture whose first answer was lost meets "already been captured".
    if (isIntegrationError(error) && error.providerCode === 'already_captured') return getPayment(ctx, id);
    throw error;
  }
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
