import { collectAll, money } from '@interlock/core';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createRazorpayConnector, RAZORPAY_DEFAULT_LIMITS, type RazorpayConnector } from '../../src/index.js';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from '../support.js';
import { loadFixture } from './load.js';

const ordersPage = loadFixture('orders-list-expanded.json');
const refund = loadFixture('refund-create.json');
let refundCalls = 0;
const [paidOrder] = (ordersPage.response.body as { items: Record<string, unknown>[] }).items;

/** Razorpay's error body for a status, with the fields its docs list ("NA" where they do not apply). */
function razorpayError(status: number, code: string, description: string, reason = 'NA', headers: Record<string, string> = {}) {
  return { status, headers, body: { error: { code, description, field: null, source: 'NA', step: 'NA', reason, metadata: {} } } };
}

/**
 * The shared contract suite for Razorpay. The read is listPayments (one `GET /v1/orders` page of
 * orders with their payments expanded); the write is a refund of a `pay_…` id (one
 * `POST /v1/payments/:id/refund`, which carries `X-Refund-Idempotency`).
 */
export const razorpaySpec: ConnectorContractSpec<RazorpayConnector> = {
  provider: 'razorpay',
  credentials: [KEY_ID, KEY_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) =>
    createRazorpayConnector({ baseUrl, clock, fetch, telemetry, credentials: { keyId: KEY_ID, keySecret: KEY_SECRET }, webhookSecrets: [WEBHOOK_SECRET] }),
  read: { method: 'GET', path: '/v1/orders', reply: { status: 200, body: ordersPage.response.body }, call: (c) => collectAll(c.listPayments()) },
  write: {
    method: 'POST',
    path: '/v1/payments/:id/refund',
    idempotencyHeader: 'X-Refund-Idempotency',
    reply: { status: 200, body: refund.response.body },
    // A caller key, a new one per call: without one, a refund whose retries run out after it may
    // have reached Razorpay (the 409 of a key still in flight) ends as outcome_unknown instead.
    call: (c) => c.refundPayment('pay_FIKOnlyii5QGNx', { amount: money(300100, 'INR'), idempotencyKey: `refund-spec-${++refundCalls}` }),
  },
  errors: [
    { name: 'bad key (401, code BAD_REQUEST_ERROR)', kind: 'auth', reply: razorpayError(401, 'BAD_REQUEST_ERROR', 'Authentication failed') },
    { name: 'invalid parameter', kind: 'invalid_request', reply: razorpayError(400, 'BAD_REQUEST_ERROR', 'The count may not be greater than 100.') },
    { name: 'unknown id (400 "The id provided does not exist")', kind: 'not_found', reply: razorpayError(400, 'BAD_REQUEST_ERROR', 'The id provided does not exist', 'input_validation_failed') },
    { name: 'unknown URL (404)', kind: 'not_found', reply: razorpayError(404, 'BAD_REQUEST_ERROR', 'The requested URL was not found on the server.') },
    { name: 'a list whose order lost its amount', kind: 'contract_violation', reply: { status: 200, body: { entity: 'collection', count: 1, items: [{ ...paidOrder, amount: undefined }] } } },
    // Transient errors last: each is retried, and together they open the read endpoint's circuit breaker.
    { name: 'throttled (429)', kind: 'rate_limited', reply: razorpayError(429, 'BAD_REQUEST_ERROR', 'Too many requests', 'NA', { 'retry-after': '1' }) },
    { name: 'gateway error', kind: 'unavailable', reply: razorpayError(502, 'GATEWAY_ERROR', 'Payment processing failed due to error at bank or wallet gateway') },
    { name: 'server error', kind: 'unavailable', reply: razorpayError(500, 'SERVER_ERROR', 'The server encountered an error. The incident has been reported to admins.') },
    {
      name: 'refund key reused with another payload',
      kind: 'conflict',
      operation: 'write',
      reply: razorpayError(400, 'BAD_REQUEST_ERROR', 'Different request with the same idempotency key has already been processed.'),
    },
    { name: 'refund above what is left', kind: 'invalid_request', operation: 'write', reply: razorpayError(400, 'BAD_REQUEST_ERROR', 'The refund amount provided is greater than amount captured') },
    {
      name: 'refund refused because the payment failed',
      kind: 'business_rejected',
      operation: 'write',
      reply: { status: 400, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'Payment failed', field: null, source: 'customer', step: 'payment_authorization', reason: 'payment_failed', metadata: { payment_id: 'pay_FIKOnlyii5QGNx' } } } },
    },
    {
      name: 'refund with the same key still in flight (409)',
      kind: 'rate_limited',
      operation: 'write',
      reply: razorpayError(409, 'BAD_REQUEST_ERROR', 'A request with the same idempotency key is being processed'),
    },
  ],
  limits: { operation: 'read', windows: [...RAZORPAY_DEFAULT_LIMITS.account, ...RAZORPAY_DEFAULT_LIMITS.listOrders] },
  drift: {
    reply: {
      status: 200,
      body: { entity: 'collection', count: 1, items: [{ ...paidOrder, checkout_config_id: 'cfg_1', receipt: undefined, receipt_id: 'order-1042' }] },
    },
  },
  unknownEnum: {
    reply: { status: 200, body: { entity: 'collection', count: 1, items: [{ ...paidOrder, status: 'expired' }] } },
    raw: 'expired',
  },
};
