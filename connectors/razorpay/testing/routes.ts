import type { Clock } from '@interlock/core';
import type { ProviderSimulator } from '@interlock/testkit/simulator';
import { createOrder, getOrder, listOrderPayments, listOrders } from './orders.js';
import { capturePayment, getPayment, listPayments } from './payments.js';
import { createRefund, getRefund, listPaymentRefunds, listRefunds } from './refunds.js';
import type { RouteHandler } from './requests.js';
import { listSettlements, settlementRecon } from './settlements.js';
import type { RazorpayState } from './state.js';
import { authenticationFailed } from './wire-builders.js';

/** Every route of the simulated API: method, Razorpay's path, and the handler in its resource's file. */
export const ROUTES: readonly (readonly [method: string, path: string, handler: RouteHandler])[] = [
  ['POST', '/v1/orders', createOrder],
  ['GET', '/v1/orders', listOrders],
  ['GET', '/v1/orders/:id', getOrder],
  ['GET', '/v1/orders/:id/payments', listOrderPayments],
  ['GET', '/v1/payments', listPayments],
  ['GET', '/v1/payments/:id', getPayment],
  ['POST', '/v1/payments/:id/capture', capturePayment],
  ['POST', '/v1/payments/:id/refund', createRefund],
  ['GET', '/v1/payments/:id/refunds', listPaymentRefunds],
  ['GET', '/v1/refunds', listRefunds],
  ['GET', '/v1/refunds/:id', getRefund],
  ['GET', '/v1/settlements', listSettlements],
  ['GET', '/v1/settlements/recon/combined', settlementRecon],
];

// Razorpay refuses any request without Basic credentials; which key does not matter here.
const BASIC = /^Basic [A-Za-z0-9+/=]{8,}$/;

/** Installs every route on the simulator, each behind Razorpay's Basic auth check. */
export function installRoutes(simulator: ProviderSimulator, state: RazorpayState, clock: Clock): void {
  const sim = { state, clock };
  for (const [method, path, handler] of ROUTES) {
    simulator.route(method, path, (request) => (BASIC.test(request.headers['authorization'] ?? '') ? handler(request, sim) : authenticationFailed()));
  }
}
