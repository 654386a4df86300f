import { ApiKeyRing, apiKeyAuth, createProviderClient, endpointApi, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { dhlEndpoints, type DhlEndpoint, type DhlEndpoints } from './endpoints.js';
import { dhlErrorTable } from './errors.js';
import { DHL_RATE_LIMITS } from './limits.js';
import { DHL_PROVIDER } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type DhlApi = EndpointApi<DhlEndpoints>;

export interface DhlClientOptions {
  baseUrl: string;
  /** One API key, or two while one is rotated: a 401 on the first moves to the second. */
  apiKeys: readonly string[];
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  fetch?: typeof fetch | undefined;
}

/** Core's provider client wired for DHL: the key in the `DHL-API-Key` header (the spec's ApiKeyAuth), RFC 7807 errors, the daily quota and the tracking burst. */
export function createDhlClient(options: DhlClientOptions): DhlApi {
  // Key ids are what logs and per-key limits name; the keys themselves are never logged.
  const keys = options.apiKeys.map((secret, index) => ({ id: `${DHL_PROVIDER}_key_${index + 1}`, secret }));
  const client = createProviderClient<DhlEndpoint>({
    provider: DHL_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: dhlEndpoints,
    accountRateLimits: DHL_RATE_LIMITS.account,
    auth: apiKeyAuth(new ApiKeyRing({ provider: DHL_PROVIDER, clock: options.clock, keys }), { in: 'header', name: 'DHL-API-Key' }),
    errors: dhlErrorTable,
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return endpointApi(client, dhlEndpoints);
}
