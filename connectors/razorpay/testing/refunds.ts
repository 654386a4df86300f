import { inWindow, page, param, type RouteHandler } from './requests.js';
import { badRequest, collection, unknownId } from './wire-builders.js';

/** `POST /v1/payments/:id/refund`; the simulator replays a repeated `X-Refund-Idempotency` key before this runs. */
export const createRefund: RouteHandler = (request, { state, clock }) => {
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
  const fields = { notes, receipt: typeof receipt === 'string' ? receipt : null, speed: typeof speed === 'string' ? speed : 'normal' };
  return { status: 200, body: state.refund(payment, wanted, fields, clock.now()) };
};

export const listPaymentRefunds: RouteHandler = (request, { state }) => {
  const payment = state.payment(param(request, 'id'));
  return payment === undefined ? unknownId() : { status: 200, body: collection(state.refundsOf(payment.id)) };
};

export const listRefunds: RouteHandler = (request, { state }) => page(inWindow(state.allRefunds(), request.searchParams), request.searchParams, 100);

export const getRefund: RouteHandler = (request, { state }) => {
  const refund = state.refundById(param(request, 'id'));
  return refund === undefined ? unknownId() : { status: 200, body: refund };
};
