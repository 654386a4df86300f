import type { EndpointConfig } from '@interlock/core';
import type { StripeRateLimits } from './limits.js';

/** The Stripe operations the connector calls, by the name errors and telemetry carry. */
export type StripeEndpoint =
  | 'createPaymentIntent'
  | 'retrievePaymentIntent'
  | 'listPaymentIntents'
  | 'capturePaymentIntent'
  | 'cancelPaymentIntent'
  | 'createRefund'
  | 'retrieveRefund'
  | 'createCustomer'
  | 'retrieveCustomer'
  | 'listEvents'
  | 'listBalanceTransactions';

/**
 * Every endpoint as data: writes are form-encoded (`metadata[key]=…`) and carry core's
 * Idempotency-Key; every endpoint has Stripe's per-endpoint window on top of the account's.
 */
export function stripeEndpoints(limits: StripeRateLimits): Readonly<Record<StripeEndpoint, EndpointConfig>> {
  const read = (path: string): EndpointConfig => ({ method: 'GET', path, rateLimits: limits.endpoint });
  const write = (path: string): EndpointConfig => ({ method: 'POST', path, bodyEncoding: 'form', rateLimits: limits.endpoint });
  return {
    createPaymentIntent: write('/v1/payment_intents'),
    retrievePaymentIntent: read('/v1/payment_intents/{id}'),
    listPaymentIntents: read('/v1/payment_intents'),
    capturePaymentIntent: write('/v1/payment_intents/{id}/capture'),
    cancelPaymentIntent: write('/v1/payment_intents/{id}/cancel'),
    createRefund: write('/v1/refunds'),
    retrieveRefund: read('/v1/refunds/{id}'),
    createCustomer: write('/v1/customers'),
    retrieveCustomer: read('/v1/customers/{id}'),
    listEvents: read('/v1/events'),
    listBalanceTransactions: read('/v1/balance_transactions'),
  };
}
