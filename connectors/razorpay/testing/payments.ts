import { inWindow, page, param, type RouteHandler } from './requests.js';
import { badRequest, unknownId } from './wire-builders.js';

export const listPayments: RouteHandler = (request, { state }) => page(inWindow(state.allPayments(), request.searchParams), request.searchParams, 100);

export const getPayment: RouteHandler = (request, { state }) => {
  const payment = state.payment(param(request, 'id'));
  return payment === undefined ? unknownId() : { status: 200, body: payment };
};

/** `POST /v1/payments/:id/capture`: the whole authorised amount, restated with its currency. */
export const capturePayment: RouteHandler = (request, { state, clock }) => {
  const payment = state.payment(param(request, 'id'));
  if (payment === undefined) return unknownId();
  const { amount, currency } = request.parsedBody;
  if (payment.captured) return badRequest('This payment has already been captured');
  if (payment.status !== 'authorized') return badRequest('Only payments which have been authorized and not yet captured can be captured');
  if (amount !== payment.amount) return badRequest('Capture amount must be equal to the amount authorized', 'amount');
  if (currency !== payment.currency) return badRequest('The currency should be same as the payment currency', 'currency');
  state.capture(payment, clock.now());
  return { status: 200, body: payment };
};
