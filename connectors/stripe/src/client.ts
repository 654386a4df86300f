import {
  ApiKeyRing,
  apiKeyAuth,
  createProviderClient,
  endpointApi,
  type Clock,
  type DeadLetterSink,
  type EndpointApi,
  type IdempotencyStore,
  type RateLimitStore,
  type TelemetrySink,
} from '@interlock/core';
import { stripeEndpoints, type StripeEndpoints } from './endpoints.js';
import { stripeErrorTable } from './errors.js';
import type { StripeRateLimits } from './limits.js';
import { STRIPE_API_VERSION, STRIPE_PROVIDER } from './provider.js';

/** A secret key (`sk_…` or a restricted `rk_…`), or a ring holding two while a key is rolled. */
export type StripeCredentials = { apiKey: string; keyId?: string } | { keys: ApiKeyRing };

/** The client every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type StripeApi = EndpointApi<StripeEndpoints>;

export interface StripeClientOptions {
  baseUrl: string;
  credentials: StripeCredentials;
  limits: StripeRateLimits;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the API keys that must never reach a log line or an error (the webhook secrets). */
  alsoRedact: readonly string[];
  fetch?: typeof fetch | undefined;
  idempotencyStore?: IdempotencyStore | undefined;
  rateLimitStore?: RateLimitStore | undefined;
  deadLetters?: DeadLetterSink | undefined;
}

function keyRing(credentials: StripeCredentials, clock: Clock): ApiKeyRing {
  if ('keys' in credentials) return credentials.keys;
  return new ApiKeyRing({ provider: STRIPE_PROVIDER, clock, keys: [{ id: credentials.keyId ?? 'stripe_secret_key', secret: credentials.apiKey }] });
}

/**
 * Core's provider client wired for Stripe: the secret key as a bearer token, `Stripe-Version`
 * pinned on every request, Stripe's error table, its account and per-endpoint limits, and
 * `Idempotency-Key` on every POST.
 */
export function createStripeClient(options: StripeClientOptions): StripeApi {
  const endpoints = stripeEndpoints(options.limits);
  const client = createProviderClient<keyof StripeEndpoints>({
    provider: STRIPE_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints,
    accountRateLimits: options.limits.account,
    auth: apiKeyAuth(keyRing(options.credentials, options.clock), { in: 'bearer' }),
    errors: stripeErrorTable,
    headers: { 'Stripe-Version': STRIPE_API_VERSION },
    idempotency: { header: 'Idempotency-Key', ...(options.idempotencyStore ? { store: options.idempotencyStore } : {}) },
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.rateLimitStore ? { rateLimitStore: options.rateLimitStore } : {}),
    ...(options.deadLetters ? { deadLetters: options.deadLetters } : {}),
  });
  for (const secret of options.alsoRedact) client.redactor.addSecret(secret);
  return endpointApi(client, endpoints);
}
