import { currencyExponent, isKnownCurrency, type Clock } from '@interlock/core';
import type { FaultReply } from '@interlock/core/testing';
import type { ProviderSimulator, SimulatorRequest } from '@interlock/testkit/simulator';
import type { SimOrder } from './entities.js';
import type { RazorpayState } from './state.js';
import { authenticationFailed, badRequest, collection, unknownId } from './wire-builders.js';

const IST_OFFSET_S = 19_800;

type Handler = (request: SimulatorRequest) => FaultReply;

/** A query integer, `fallback` when absent, or undefined when it is not a whole number. */
function intParam(query: URLSearchParams, name: string, fallback?: number): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** One page by `count`/`skip`, Razorpay's limits enforced; a reply when the query is invalid. */
function page<T>(items: readonly T[], query: URLSearchParams, maxCount: number): FaultReply {
  const count = intParam(query, 'count', 10);
  const skip = intParam(query, 'skip', 0);
  if (count === undefined || count < 1) return badRequest('The count must be at least 1.', 'count');
  if (count > maxCount) return badRequest(`The count may not be greater than ${maxCount}.`, 'count');
  if (skip === undefined) return badRequest('The skip must be an integer.', 'skip');
  return { status: 200, body: collection(items.slice(skip, skip + count)) };
}

/** Keeps what was created inside `from`/`to` (Unix seconds, both inclusive). */
function inWindow<T extends { created_at: number }>(items: readonly T[], query: URLSearchParams): T[] {
  const from = intParam(query, 'from') ?? Number.NEGATIVE_INFINITY;
  const to = intParam(query, 'to') ?? Number.POSITIVE_INFINITY;
  return items.filter((item) => item.created_at >= from && item.created_at <= to);
}

type OrderFields = Parameters<RazorpayState['createOrder']>[0];

/** The order a create request asks for, or Razorpay's refusal of it. */
function orderRequest(body: Readonly<Record<string, unknown>>): { fields: OrderFields } | { reply: FaultReply } {
  const { amount, currency, receipt, notes, payment_capture: capture } = body;
  const refuse = (description: string, field: string): { reply: FaultReply } => ({ reply: badRequest(description, field) });
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) return refuse('The amount must be an integer.', 'amount');
  if (typeof currency !== 'string' || !isKnownCurrency(currency)) return refuse('The currency is invalid.', 'currency');
  if (currencyExponent(currency) === 3 && amount % 10 !== 0) {
    return refuse(`The amount for ${currency} must be in multiples of 10, as the last decimal place is not supported.`, 'amount');
  }
  if (receipt !== undefined && (typeof receipt !== 'string' || receipt.length > 40)) return refuse('The receipt may not be greater than 40 characters.', 'receipt');
  if (typeof notes === 'object' && notes !== null && Object.keys(notes).length > 15) {
    return refuse('Number of fields in notes should be less than or equal to 15', 'notes');
  }
  return {
    fields: {
      amount,
      currency,
      receipt: typeof receipt === 'string' ? receipt : null,
      notes,
      autoCapture: capture === true || capture === 1 || capture === '1',
    },
  };
}

/** Every route of the simulated API, Razorpay-shaped: bodies, list pages and error replies. */
export function installRoutes(simulator: ProviderSimulator, state: RazorpayState, clock: Clock): void {
  // Razorpay refuses any request without Basic credentials; which key does not matter here.
  const authed =
    (handler: Handler): Handler =>
    (request) => {
      const authorization = request.headers['authorization'] ?? '';
      return /^Basic [A-Za-z0-9+/=]{8,}$/.test(authorization) ? handler(request) : authenticationFailed();
    };
  const route = (method: string, pattern: string, handler: Handler): void => {
    simulator.route(method, pattern, authed(handler));
  };
  const param = (request: SimulatorRequest, name: string): string => request.params[name] ?? '';
  const withOrder = (request: SimulatorRequest, then: (order: SimOrder) => FaultReply): FaultReply => {
    const order = state.order(param(request, 'id'));
    return order === undefined ? unknownId() : then(order);
  };

  route('POST', '/v1/orders', (request) => {
    const asked = orderRequest(request.parsedBody);
    if ('reply' in asked) return asked.reply;
    return { status: 200, body: state.createOrder(asked.fields, clock.now()) };
  });

  route('GET', '/v1/orders', (request) => {
    const query = request.searchParams;
    const receipt = query.get('receipt');
    const orders = inWindow(state.allOrders(), query).filter((order) => receipt === null || order.receipt === receipt);
    const expand = query.getAll('expand[]').includes('payments');
    return page(expand ? orders.map((order) => state.expandedOrder(order)) : orders, query, 100);
  });

  route('GET', '/v1/orders/:id', (request) => withOrder(request, (order) => ({ status: 200, body: order })));

  route('GET', '/v1/orders/:id/payments', (request) => withOrder(request, (order) => ({ status: 200, body: collection(state.paymentsOf(order.id)) })));

  route('GET', '/v1/payments', (request) => page(inWindow(state.allPayments(), request.searchParams), request.searchParams, 100));

  route('GET', '/v1/payments/:id', (request) => {
    const payment = state.payment(param(request, 'id'));
    return payment === undefined ? unknownId() : { status: 200, body: payment };
  });

  route('POST', '/v1/payments/:id/capture', (request) => {
    const payment = state.payment(param(request, 'id'));
    if (payment === undefined) return unknownId();
    const { amount, currency } = request.parsedBody;
    if (payment.captured) return badRequest('This payment has already been captured');
    if (payment.status !== 'authorized') return badRequest('Only payments which have been authorized and not yet captured can be captured');
    if (amount !== payment.amount) return badRequest('Capture amount must be equal to the amount authorized', 'amount');
    if (currency !== payment.currency) return badRequest('The currency should be same as the payment currency', 'currency');
    state.capture(payment, clock.now());
    return { status: 200, body: payment };
  });

  route('POST', '/v1/payments/:id/refund', (request) => {
    const key = request.headers['x-refund-idempotency'];
    if (key !== undefined && !/^[A-Za-z0-9_-]{10,}$/.test(key)) {
      return badRequest('The idempotency key must be at least 10 characters of letters, digits, hyphens and underscores', 'X-Refund-Idempotency');
    }
    const payment = state.payment(param(request, 'id'));
    if (payment === undefined) return unknownId();
    if (!payment.captured) return badRequest('Payment should be captured before refund', 'payment_id');
    const left = payment.amount - payment.amount_refunded;
    const { amount, notes, receipt, speed } = request.parsedBody;
    const wanted = amount === undefined ? left : amount;
    if (left === 0) return badRequest('The payment has been fully refunded already');
    if (typeof wanted !== 'number' || !Number.isInteger(wanted) || wanted < 1) return badRequest('The amount must be an integer.', 'amount');
    if (wanted > left) return badRequest('The refund amount provided is greater than amount captured', 'amount');
    const refund = state.refund(
      payment,
      wanted,
      { notes, receipt: typeof receipt === 'string' ? receipt : null, speed: typeof speed === 'string' ? speed : 'normal' },
      clock.now(),
    );
    return { status: 200, body: refund };
  });

  route('GET', '/v1/payments/:id/refunds', (request) => {
    const payment = state.payment(param(request, 'id'));
    return payment === undefined ? unknownId() : { status: 200, body: collection(state.refundsOf(payment.id)) };
  });

  route('GET', '/v1/refunds', (request) => page(inWindow(state.allRefunds(), request.searchParams), request.searchParams, 100));

  route('GET', '/v1/refunds/:id', (request) => {
    const refund = state.refundById(param(request, 'id'));
    return refund === undefined ? unknownId() : { status: 200, body: refund };
  });

  route('GET', '/v1/settlements', (request) => page(inWindow(state.allSettlements(), request.searchParams), request.searchParams, 100));

  route('GET', '/v1/settlements/recon/combined', (request) => {
    const query = request.searchParams;
    const year = intParam(query, 'year');
    const month = intParam(query, 'month');
    const day = intParam(query, 'day');
    if (year === undefined) return badRequest('The year field is required.', 'year');
    if (month === undefined || month < 1 || month > 12) return badRequest('The month field is required.', 'month');
    // Razorpay's report days are Indian calendar days.
    const lines = state.reconLines().filter((line) => {
      const date = new Date((line.settled_at + IST_OFFSET_S) * 1000);
      return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && (day === undefined || date.getUTCDate() === day);
    });
    return page(lines, query, 1000);
  });
}
