import type { ResourceSpec, SimulatorHandler } from '@interlock/testkit/simulator';
import { withSource } from './balance-transactions.js';
import { customerResource } from './customers.js';
import { listEvents } from './events.js';
import { listRoute, retrieveRoute } from './lists.js';
import { createPaymentIntent, paymentIntentResource, withLatestCharge } from './payment-intents.js';
import { createRefund } from './refunds.js';
import { unrecognizedUrl } from './replies.js';
import type { SimulationState } from './state.js';

/** One simulated Stripe route. */
export interface StripeRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: SimulatorHandler;
}

/**
 * The collections the simulator keeps. Its generic routes serve what no route below overrides:
 * POST /v1/customers, and the capture and cancel actions on /v1/payment_intents/:id.
 */
export function stripeResources(state: SimulationState): ResourceSpec[] {
  const stored = (name: string, path: string, idPrefix: string): ResourceSpec => ({ name, path, idPrefix, newId: () => state.nextId(idPrefix) });
  return [
    paymentIntentResource(state),
    customerResource(state),
    stored('charges', '/v1/charges', 'ch_'),
    stored('refunds', '/v1/refunds', 're_'),
    stored('events', '/v1/events', 'evt_'),
    stored('balance_transactions', '/v1/balance_transactions', 'txn_'),
  ];
}

/** Collections that are read-only at Stripe: the simulator's generic create must not answer for them. */
const READ_ONLY = ['/v1/charges', '/v1/events', '/v1/balance_transactions'];

/** Every route Stripe answers differently from the simulator's generic resources, as data. */
export function stripeRoutes(state: SimulationState): readonly StripeRoute[] {
  const latestCharge = withLatestCharge(state);
  const source = withSource(state);
  return [
    { method: 'POST', path: '/v1/payment_intents', handler: createPaymentIntent(state) },
    { method: 'GET', path: '/v1/payment_intents/:id', handler: retrieveRoute(state, 'payment_intents', 'payment_intent', 'intent', latestCharge) },
    {
      method: 'GET',
      path: '/v1/payment_intents',
      handler: listRoute(state, 'payment_intents', { objectName: 'payment_intent', url: '/v1/payment_intents', matching: ['customer'], expand: latestCharge }),
    },
    { method: 'POST', path: '/v1/refunds', handler: createRefund(state) },
    { method: 'GET', path: '/v1/refunds/:id', handler: retrieveRoute(state, 'refunds', 'refund', 'refund') },
    { method: 'GET', path: '/v1/refunds', handler: listRoute(state, 'refunds', { objectName: 'refund', url: '/v1/refunds', matching: ['payment_intent'] }) },
    { method: 'GET', path: '/v1/charges/:id', handler: retrieveRoute(state, 'charges', 'charge', 'charge') },
    { method: 'GET', path: '/v1/charges', handler: listRoute(state, 'charges', { objectName: 'charge', url: '/v1/charges', matching: ['payment_intent'] }) },
    { method: 'GET', path: '/v1/customers/:id', handler: retrieveRoute(state, 'customers', 'customer', 'customer') },
    { method: 'GET', path: '/v1/customers', handler: listRoute(state, 'customers', { objectName: 'customer', url: '/v1/customers' }) },
    { method: 'GET', path: '/v1/events/:id', handler: retrieveRoute(state, 'events', 'event', 'id') },
    { method: 'GET', path: '/v1/events', handler: listEvents(state) },
    { method: 'GET', path: '/v1/balance_transactions/:id', handler: retrieveRoute(state, 'balance_transactions', 'balance_transaction', 'id', source) },
    {
      method: 'GET',
      path: '/v1/balance_transactions',
      handler: listRoute(state, 'balance_transactions', { objectName: 'balance_transaction', url: '/v1/balance_transactions', matching: ['type'], expand: source }),
    },
    ...READ_ONLY.map((path): StripeRoute => ({ method: 'POST', path, handler: () => unrecognizedUrl('POST', path) })),
  ];
}
