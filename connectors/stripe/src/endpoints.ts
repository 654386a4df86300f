import type { Contract, ContractEndpoint, RateWindow } from '@interlock/core';
import type { z } from 'zod';
import type { StripeRateLimits } from './limits.js';
import { balanceTransactionListContract } from './wire/balance-transaction.js';
import { customerContract } from './wire/customer.js';
import { eventListContract } from './wire/event.js';
import { paymentIntentContract, paymentIntentListContract } from './wire/payment-intent.js';
import { refundContract, refundListContract } from './wire/refund.js';

/** A Stripe endpoint: every one has Stripe's per-endpoint window, so its limits are never absent. */
type StripeEndpointConfig<S extends z.ZodTypeAny> = ContractEndpoint<S> & { rateLimits: readonly RateWindow[] };

/**
 * Every endpoint as data, with the contract its answer is parsed by: writes are form-encoded
 * (`metadata[key]=…`) and carry core's Idempotency-Key; every endpoint has Stripe's per-endpoint
 * window on top of the account's.
 */
export function stripeEndpoints(limits: StripeRateLimits) {
  const read = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): StripeEndpointConfig<S> => ({
    method: 'GET',
    path,
    rateLimits: limits.endpoint,
    response,
  });
  const write = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): StripeEndpointConfig<S> => ({
    method: 'POST',
    path,
    bodyEncoding: 'form',
    rateLimits: limits.endpoint,
    response,
  });
  return {
    createPaymentIntent: write('/v1/payment_intents', paymentIntentContract),
    retrievePaymentIntent: read('/v1/payment_intents/{id}', paymentIntentContract),
    listPaymentIntents: read('/v1/payment_intents', paymentIntentListContract),
    capturePaymentIntent: write('/v1/payment_intents/{id}/capture', paymentIntentContract),
    cancelPaymentIntent: write('/v1/payment_intents/{id}/cancel', paymentIntentContract),
    createRefund: write('/v1/refunds', refundContract),
    retrieveRefund: read('/v1/refunds/{id}', refundContract),
    listRefunds: read('/v1/refunds', refundListContract),
    createCustomer: write('/v1/customers', customerContract),
    retrieveCustomer: read('/v1/customers/{id}', customerContract),
    listEvents: read('/v1/events', eventListContract),
    listBalanceTransactions: read('/v1/balance_transactions', balanceTransactionListContract),
  } as const;
}

export type StripeEndpoints = ReturnType<typeof stripeEndpoints>;

/** The Stripe operations the connector calls, by the name errors and telemetry carry. */
export type StripeEndpoint = keyof StripeEndpoints;
