import type { ContractEndpoint } from '@interlock/core';
import { HEADERS } from './fields.js';
import type { RazorpayRateLimits } from './limits.js';
import {
  orderCollectionContract,
  orderContract,
  paymentCollectionContract,
  paymentContract,
  reconCollectionContract,
  refundCollectionContract,
  refundContract,
  settlementCollectionContract,
} from './wire/index.js';

/** Every Razorpay operation the connector calls, by the name errors and telemetry carry. */
export type RazorpayEndpoint =
  | 'createOrder'
  | 'listOrders'
  | 'getOrder'
  | 'listOrderPayments'
  | 'getPayment'
  | 'listPayments'
  | 'capturePayment'
  | 'createRefund'
  | 'listPaymentRefunds'
  | 'getRefund'
  | 'listSettlements'
  | 'settlementRecon';

/**
 * Every endpoint as data, each with the contract its answer must meet: a call is parsed by its
 * own endpoint's contract, so no call site pairs them by hand.
 */
export function razorpayEndpoints(limits: RazorpayRateLimits) {
  return {
    // Razorpay has no idempotency key for orders: core must not repeat a create that may have
    // reached it. The connector makes creation safe by receipt lookup (createOrFind) instead.
    createOrder: { method: 'POST', path: '/v1/orders', idempotencyHeader: false, rateLimits: limits.createOrder, response: orderContract },
    listOrders: { method: 'GET', path: '/v1/orders', rateLimits: limits.listOrders, response: orderCollectionContract },
    getOrder: { method: 'GET', path: '/v1/orders/{id}', rateLimits: limits.getOrder, response: orderContract },
    listOrderPayments: { method: 'GET', path: '/v1/orders/{id}/payments', rateLimits: limits.listOrderPayments, response: paymentCollectionContract },
    getPayment: { method: 'GET', path: '/v1/payments/{id}', rateLimits: limits.getPayment, response: paymentContract },
    listPayments: { method: 'GET', path: '/v1/payments', rateLimits: limits.listPayments, response: paymentCollectionContract },
    // A repeated capture cannot capture twice: Razorpay answers "already been captured", which the
    // connector turns back into the payment's state. So a capture may be retried without a key.
    capturePayment: { method: 'POST', path: '/v1/payments/{id}/capture', idempotencyHeader: false, idempotent: true, rateLimits: limits.capturePayment, response: paymentContract },
    createRefund: { method: 'POST', path: '/v1/payments/{id}/refund', idempotencyHeader: HEADERS.refundIdempotency, rateLimits: limits.createRefund, response: refundContract },
    // The refunds of one payment: where a refund whose answer was lost is found by the key in its notes.
    listPaymentRefunds: { method: 'GET', path: '/v1/payments/{id}/refunds', rateLimits: limits.listPaymentRefunds, response: refundCollectionContract },
    getRefund: { method: 'GET', path: '/v1/refunds/{id}', rateLimits: limits.getRefund, response: refundContract },
    listSettlements: { method: 'GET', path: '/v1/settlements', rateLimits: limits.listSettlements, response: settlementCollectionContract },
    settlementRecon: { method: 'GET', path: '/v1/settlements/recon/combined', rateLimits: limits.settlementRecon, response: reconCollectionContract },
  } satisfies Record<RazorpayEndpoint, ContractEndpoint>;
}

export type RazorpayEndpoints = ReturnType<typeof razorpayEndpoints>;
