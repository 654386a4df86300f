import { ApiKeyRing, apiKeyAuth, createProviderClient, endpointApi, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { dhlEndpoints, type DhlEndpoint, type DhlEndpoints } from './endpoints.js';
import { dhlErrorTable } from './errors.js';
import { DHL_RATE_LIMITS } from './limits.js';
import { DHL_API_VERSION, DHL_PROVIDER, DHL_VERSION_HEADER } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type DhlApi = EndpointApi<DhlEndpoints>;

export interface DhlClientOptions {
  baseUrl: string;
  /** One API key, or two while one is rotated: a 401 on the first moves to the second. */
  apiKeys: readonly string[];
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the API keys that must never reach a log line or an error (the webhook secrets). */
  alsoRedact: readonly string[];
  fetch?: typeof fetch | undefined;
}

/**
 * Core's provider client wired for Dhl: the API key as a bearer token, the pinned version on
 * every request, the error table, the account's and each endpoint's limits, and an
 * Idempotency-Key on every POST, kept across the retries of one operation.
 * Template value: bearer auth; use the provider's documented scheme (core's apiKeyAuth places a
 * key as bearer, basic, a header or a query parameter; bearerTokenAuth does OAuth2).
 */
export function createDhlClient(options: DhlClientOptions): DhlApi {
  // Key ids are what logs and per-key limits name; the keys themselves are never logged.
  const keys = options.apiKeys.map((secret, index) => ({ id: `${DHL_PROVIDER}_key_${index + 1}`, secret }));
  const client = createProviderClient<DhlEndpoint>({
    provider: DHL_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: dhlEndpoints,
    accountRateLimits: DHL_RATE_LIMITS.account,
    auth: apiKeyAuth(new ApiKeyRing({ provider: DHL_PROVIDER, clock: options.clock, keys }), { in: 'bearer' }),
    errors: dhlErrorTable,
    headers: { [DHL_VERSION_HEADER]: DHL_API_VERSION },
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const secret of options.alsoRedact) client.redactor.addSecret(secret);
  return endpointApi(client, dhlEndpoints);
}
