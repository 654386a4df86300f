import {
  ApiKeyRing,
  apiKeyAuth,
  createProviderClient,
  endpointApi,
  type Clock,
  type EndpointApi,
  type IdempotencyStore,
  type ProviderClient,
  type RetryPolicy,
  type TelemetrySink,
} from '@interlock/core';
import { razorpayEndpoints, type RazorpayEndpoint, type RazorpayEndpoints } from './endpoints.js';
import { razorpayErrorTable } from './errors.js';
import type { RazorpayRateLimits } from './limits.js';
import { RAZORPAY_PROVIDER } from './provider.js';

export type RazorpayClient = ProviderClient<RazorpayEndpoint>;

/** The client as operations use it: each call parsed by its endpoint's contract. */
export type RazorpayApi = EndpointApi<RazorpayEndpoints>;

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
export function createRazorpayClient(options: RazorpayClientOptions): RazorpayApi {
  if (options.keys.length === 0) throw new TypeError(`${RAZORPAY_PROVIDER} connector: at least one key pair is required`);
  const ring = new ApiKeyRing({ provider: RAZORPAY_PROVIDER, clock: options.clock, keys: options.keys.map((pair) => ({ id: pair.keyId, secret: pair.keySecret })) });
  // The key id is public (Checkout shows it) but it names the account: keep it out of logs too.
  for (const pair of options.keys) ring.secrets.addSecret(pair.keyId);
  const endpoints = razorpayEndpoints(options.limits);
  const client = createProviderClient<RazorpayEndpoint>({
    provider: RAZORPAY_PROVIDER,
    baseUrl: options.baseUrl,
    clock: options.clock,
    endpoints,
    accountRateLimits: options.limits.account,
    auth: apiKeyAuth(ring, { in: 'basic', user: 'id' }),
    errors: razorpayErrorTable(),
    telemetry: options.telemetry ?? [],
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.idempotencyStore ? { idempotency: { store: options.idempotencyStore } } : {}),
  });
  return endpointApi(client, endpoints);
}
