import {
  ApiKeyRing,
  apiKeyAuth,
  createProviderClient,
  type Clock,
  type EndpointConfig,
  type IdempotencyStore,
  type ProviderClient,
  type RetryPolicy,
  type TelemetrySink,
} from '@interlock/core';
import { razorpayErrorTable } from './errors.js';
import { HEADERS } from './fields.js';
import type { RazorpayRateLimits } from './limits.js';
import { PROVIDER } from './transform/amounts.js';

export const RAZORPAY_BASE_URL = 'https://api.razorpay.com';

/** Every Razorpay operation the connector calls, declared once as data. */
export type RazorpayEndpoint =
  | 'createOrder'
  | 'listOrders'
  | 'getOrder'
  | 'listOrderPayments'
  | 'getPayment'
  | 'listPayments'
  | 'capturePayment'
  | 'createRefund'
  | 'getRefund'
  | 'listSettlements'
  | 'settlementRecon';

export type RazorpayClient = ProviderClient<RazorpayEndpoint>;

function endpoints(limits: RazorpayRateLimits): Record<RazorpayEndpoint, EndpointConfig> {
  const read = (path: string): EndpointConfig => ({ method: 'GET', path, rateLimits: limits.read });
  return {
    // Razorpay has no idempotency key for orders: core must not repeat a create that may have
    // reached it. The connector makes creation safe by receipt lookup (createOrFind) instead.
    createOrder: { method: 'POST', path: '/v1/orders', idempotencyHeader: false, rateLimits: limits.write },
    listOrders: read('/v1/orders'),
    getOrder: read('/v1/orders/{id}'),
    listOrderPayments: read('/v1/orders/{id}/payments'),
    getPayment: read('/v1/payments/{id}'),
    listPayments: read('/v1/payments'),
    // A repeated capture cannot capture twice: Razorpay answers "already been captured", which the
    // connector turns back into the payment's state. So a capture may be retried without a key.
    capturePayment: { method: 'POST', path: '/v1/payments/{id}/capture', idempotencyHeader: false, idempotent: true, rateLimits: limits.write },
    createRefund: { method: 'POST', path: '/v1/payments/{id}/refund', idempotencyHeader: HEADERS.refundIdempotency, rateLimits: limits.write },
    getRefund: read('/v1/refunds/{id}'),
    listSettlements: read('/v1/settlements'),
    settlementRecon: { method: 'GET', path: '/v1/settlements/recon/combined', rateLimits: limits.report },
  };
}

export interface RazorpayClientOptions {
  baseUrl: string;
  keys: readonly { keyId: string; keySecret: string }[];
  clock: Clock;
  limits: RazorpayRateLimits;
  fetch?: typeof fetch | undefined;
  telemetry?: readonly TelemetrySink[] | undefined;
  retry?: RetryPolicy | undefined;
  idempotencyStore?: IdempotencyStore | undefined;
}

/** Core's provider client wired for Razorpay: Basic auth with key id and secret, JSON bodies, the error table and limits. */
export function createRazorpayClient(options: RazorpayClientOptions): RazorpayClient {
  if (options.keys.length === 0) throw new TypeError('Razorpay connector: at least one key pair is required');
  const ring = new ApiKeyRing({ provider: PROVIDER, clock: options.clock, keys: options.keys.map((pair) => ({ id: pair.keyId, secret: pair.keySecret })) });
  // The key id is public (Checkout shows it) but it names the account: keep it out of logs too.
  for (const pair of options.keys) ring.secrets.addSecret(pair.keyId);
  return createProviderClient<RazorpayEndpoint>({
    provider: PROVIDER,
    baseUrl: options.baseUrl,
    clock: options.clock,
    endpoints: endpoints(options.limits),
    accountRateLimits: options.limits.account,
    auth: apiKeyAuth(ring, { in: 'basic', user: 'id' }),
    errors: razorpayErrorTable(),
    telemetry: options.telemetry ?? [],
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.idempotencyStore ? { idempotency: { store: options.idempotencyStore } } : {}),
  });
}
