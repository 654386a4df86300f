import { currencyExponent, isKnownCurrency } from '@interlock/core';
import type { FaultReply } from '@interlock/core/testing';
import type { SimulatorRequest } from '@interlock/testkit/simulator';
import type { SimOrder } from './entities.js';
import { inWindow, page, param, type RouteHandler, type SimulationContext } from './requests.js';
import type { RazorpayState } from './state.js';
import { badRequest, collection, unknownId } from './wire-builders.js';

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

function withOrder(request: SimulatorRequest, { state }: SimulationContext, then: (order: SimOrder) => FaultReply): FaultReply {
  const order = state.order(param(request, 'id'));
  return order === undefined ? unknownId() : then(order);
}

/** `POST /v1/orders`: no provider-side dedupe, as at Razorpay. */
export const createOrder: RouteHandler = (request, { state, clock }) => {
  const asked = orderRequest(request.parsedBody);
  if ('reply' in asked) return asked.reply;
  return { status: 200, body: state.createOrder(asked.fields, clock.now()) };
};

/** `GET /v1/orders`: by `receipt`, `from`/`to`, with `expand[]=payments`. */
export const listOrders: RouteHandler = (request, { state }) => {
  const query = request.searchParams;
  const receipt = query.get('receipt');
  const orders = inWindow(state.allOrders(), query).filter((order) => receipt === null || order.receipt === receipt);
  const expand = query.getAll('expand[]').includes('payments');
  return page(expand ? orders.map((order) => state.expandedOrder(order)) : orders, query, 100);
};

export const getOrder: RouteHandler = (request, sim) => withOrder(request, sim, (order) => ({ status: 200, body: order }));

export const listOrderPayments: RouteHandler = (request, sim) => withOrder(request, sim, (order) => ({ status: 200, body: collection(sim.state.paymentsOf(order.id)) }));
