import { exchangeFixtures, type Exchange } from '../common/fixtures.js';
import { jsonText } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import {
  CANCELED,
  CAPTURED,
  CREATE_INPUT,
  CREATED,
  CREATED_AT,
  DAY,
  DECLINED,
  HOUR,
  PARTIAL_CAPTURE,
  REFUND,
  REFUND_AMOUNT,
  sampleEvent,
  SETTLEMENT_LINES,
  SUCCEEDED,
} from './samples.js';

const PAGE = { limit: '100' };
const createdWindow = { created_from: String(CREATED_AT), created_to: String(CREATED_AT + DAY) };
const settledWindow = { settled_from: String(CREATED_AT), settled_to: String(CREATED_AT + 2 * DAY) };
const list = (data: readonly unknown[], hasMore: boolean) => ({ object: 'list', data, has_more: hasMore });
const error = (code: string, message: string) => ({ error: { code, message } });

/** The successful exchanges, one per endpoint, and a list read over two pages. */
const EXCHANGES: readonly Exchange[] = [
  {
    name: 'payment-create',
    method: 'POST',
    path: '/v1/payments',
    body: { amount: CREATE_INPUT.amountMinor, currency: CREATE_INPUT.currency, capture_method: 'automatic', reference: CREATE_INPUT.reference, description: CREATE_INPUT.description, metadata: CREATE_INPUT.metadata },
    status: 200,
    response: CREATED,
    contract: 'payment',
  },
  { name: 'payment-get-succeeded', method: 'GET', path: `/v1/payments/${SUCCEEDED.id}`, status: 200, response: SUCCEEDED, contract: 'payment' },
  { name: 'payment-get-declined', method: 'GET', path: `/v1/payments/${DECLINED.id}`, status: 200, response: DECLINED, contract: 'payment' },
  { name: 'payment-capture', method: 'POST', path: `/v1/payments/${CAPTURED.id}/capture`, body: { amount: PARTIAL_CAPTURE }, status: 200, response: CAPTURED, contract: 'payment' },
  { name: 'payment-cancel', method: 'POST', path: `/v1/payments/${CANCELED.id}/cancel`, body: {}, status: 200, response: CANCELED, contract: 'payment' },
  { name: 'payments-list-page-1', method: 'GET', path: '/v1/payments', query: { ...PAGE, ...createdWindow }, status: 200, response: list([SUCCEEDED], true), contract: 'payment_list' },
  {
    name: 'payments-list-page-2',
    method: 'GET',
    path: '/v1/payments',
    query: { ...PAGE, ...createdWindow, starting_after: SUCCEEDED.id },
    status: 200,
    response: list([DECLINED], false),
    contract: 'payment_list',
  },
  {
    name: 'refund-create',
    method: 'POST',
    path: '/v1/refunds',
    body: { payment: SUCCEEDED.id, amount: REFUND_AMOUNT, currency: 'INR', reason: REFUND.reason },
    status: 200,
    response: REFUND,
    contract: 'refund',
  },
  { name: 'settlements-list', method: 'GET', path: '/v1/settlements', query: { ...PAGE, ...settledWindow }, status: 200, response: list(SETTLEMENT_LINES, false), contract: 'settlement_list' },
];

/** One recorded failure per documented kind, on the write or the read the contract suite replays it for. */
const FAILURES: readonly Exchange[] = [
  { name: 'error-card-declined', method: 'POST', path: '/v1/payments', status: 402, response: error('card_declined', 'The card was declined.'), contract: 'error' },
  { name: 'error-invalid-request', method: 'POST', path: '/v1/payments', status: 400, response: error('invalid_request', 'amount must be a positive integer'), contract: 'error' },
  {
    name: 'error-idempotency-key-reused',
    method: 'POST',
    path: '/v1/payments',
    status: 409,
    response: error('idempotency_key_reused', 'This key was used with other parameters.'),
    contract: 'error',
  },
  { name: 'error-invalid-api-key', method: 'GET', path: `/v1/payments/${SUCCEEDED.id}`, status: 401, response: error('invalid_api_key', 'Invalid API key.'), contract: 'error' },
  { name: 'error-resource-missing', method: 'GET', path: '/v1/payments/pay_missing', status: 404, response: error('resource_missing', 'No such payment.'), contract: 'error' },
  {
    name: 'error-rate-limited',
    method: 'GET',
    path: `/v1/payments/${SUCCEEDED.id}`,
    status: 429,
    headers: { 'retry-after': '1' },
    response: error('rate_limited', 'Too many requests.'),
    contract: 'error',
  },
  { name: 'error-service-unavailable', method: 'GET', path: `/v1/payments/${SUCCEEDED.id}`, status: 503, response: error('service_unavailable', 'Try again later.'), contract: 'error' },
];

/** test/fixtures/*.json: the exchanges and the failures, in testkit's fixture format. */
export function fixtureFiles(context: TemplateContext): GeneratedFile[] {
  return exchangeFixtures(context, [...EXCHANGES, ...FAILURES]);
}

/** test/webhooks/*.json: event bodies as the provider sends them, for the webhook tests. */
export function webhookBodyFiles(): GeneratedFile[] {
  return [
    { path: 'test/webhooks/payment-succeeded.json', content: jsonText(sampleEvent(1, 'payment.succeeded', SUCCEEDED, SUCCEEDED.updated_at)) },
    { path: 'test/webhooks/refund-updated.json', content: jsonText(sampleEvent(2, 'refund.updated', REFUND, CREATED_AT + HOUR)) },
  ];
}
