import { createOrFind, newIdempotencyKey } from '@interlock/core';
import type { CreatePaymentInput, IdempotentOptions, Payment, PaymentListFilter } from '@interlock/payments';
import { ORDER_FIELDS } from '../fields.js';
import { readerOf } from '../read.js';
import { matchCreatedOrder, toOrderBody } from '../transform/order-request.js';
import { toCanonicalPayment, type OrderView } from '../transform/payment.js';
import { PROVIDER } from '../transform/amounts.js';
import { orderCollectionContract, orderContract, paymentCollectionContract, paymentContract, type WireOrder } from '../wire/index.js';
import { isPaymentAttemptId, type RazorpayContext } from './context.js';
import { listQuery, readCollection } from './pages.js';

/** An order and every payment attempt made on it (`GET /v1/orders/:id` and `/v1/orders/:id/payments`). */
export async function readOrderView(ctx: RazorpayContext, orderId: string): Promise<OrderView & { order: WireOrder }> {
  const { client } = ctx;
  const [orderResponse, paymentsResponse] = await Promise.all([
    client.request('getOrder', { pathParams: { id: orderId } }),
    client.request('listOrderPayments', { pathParams: { id: orderId } }),
  ]);
  const order = client.parse(orderContract, orderResponse.body, 'getOrder').value;
  const payments = client.parse(paymentCollectionContract, paymentsResponse.body, 'listOrderPayments').value.items;
  return { order, payments };
}

/** One payment attempt, alone (`GET /v1/payments/:id`). */
export async function readPaymentAttempt(ctx: RazorpayContext, paymentId: string): Promise<OrderView> {
  const response = await ctx.client.request('getPayment', { pathParams: { id: paymentId } });
  return { payments: [ctx.client.parse(paymentContract, response.body, 'getPayment').value] };
}

/** The view behind a canonical payment id: an order with its attempts, or one attempt. */
export function readView(ctx: RazorpayContext, id: string): Promise<OrderView> {
  return isPaymentAttemptId(id) ? readPaymentAttempt(ctx, id) : readOrderView(ctx, id);
}

export async function getPayment(ctx: RazorpayContext, id: string): Promise<Payment> {
  return toCanonicalPayment(await readView(ctx, id));
}

/**
 * Creates the order a customer pays through Checkout. Razorpay has no idempotency key for orders,
 * so core's createOrFind makes the create safe: the order carries the caller's reference as its
 * `receipt` and the operation's key in its notes, and before any retry of a create that may have
 * reached Razorpay (and first of all when the caller passed its own key: a retry across a crash)
 * the orders with that receipt are listed and this operation's order is used if it exists.
 */
export async function createPayment(ctx: RazorpayContext, input: CreatePaymentInput & IdempotentOptions): Promise<Payment> {
  const { client, clock } = ctx;
  const key = input.idempotencyKey ?? newIdempotencyKey(clock.now());
  const body = toOrderBody(input, key);
  const outcome = await createOrFind<{ order: WireOrder; created: boolean }>({
    provider: PROVIDER,
    endpoint: 'createOrder',
    clock,
    emit: client.emit,
    findFirst: input.idempotencyKey !== undefined,
    ...(ctx.createRetry ? { retry: ctx.createRetry } : {}),
    async create() {
      const response = await client.request('createOrder', { body });
      return { order: client.parse(orderContract, response.body, 'createOrder').value, created: true };
    },
    async find() {
      const orders: WireOrder[] = [];
      for await (const order of readCollection(ctx, 'listOrders', orderCollectionContract, listQuery({ reference: input.reference }))) orders.push(order);
      const order = matchCreatedOrder(orders, input, key);
      return order === undefined ? undefined : { order, created: false };
    },
  });
  // An order found from an earlier attempt may have been paid since: read its attempts too.
  const view: OrderView = outcome.created ? { order: outcome.order, payments: [] } : await readOrderView(ctx, readerOf(ORDER_FIELDS, outcome.order).requiredText('id'));
  return toCanonicalPayment(view);
}

/**
 * Orders created in the window, newest first, each with its payments (`expand[]=payments`), read
 * to the last page. The window's end is pinned to now when left open, so orders created during
 * the read cannot shift the offset pages under it.
 */
export function listPayments(ctx: RazorpayContext, filter: PaymentListFilter = {}): AsyncIterable<Payment> {
  const from = filter.createdFrom === undefined ? undefined : Math.floor(filter.createdFrom / 1000);
  const to = Math.floor((filter.createdTo ?? ctx.clock.now()) / 1000);
  const query = listQuery({ createdFrom: from, createdTo: to, expand: ['payments'] });
  const orders = readCollection(ctx, 'listOrders', orderCollectionContract, query);
  return {
    async *[Symbol.asyncIterator]() {
      for await (const order of orders) yield toCanonicalPayment({ order, payments: order.payments?.items ?? [] });
    },
  };
}
