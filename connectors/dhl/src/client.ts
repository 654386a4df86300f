import { ApiKeyRing, apiKeyAuth, basicAuth, createProviderClient, endpointApi, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { dhlEndpoints, dhlExpressEndpoints, type DhlEndpoint, type DhlEndpoints, type DhlExpressEndpoint, type DhlExpressEndpoints } from './endpoints.js';
import { dhlErrorTable, dhlExpressErrorTable } from './errors.js';
import { DHL_EXPRESS_RATE_LIMITS, DHL_RATE_LIMITS } from './limits.js';
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

/** What the Express operations call through: DHL Express's endpoints, each parsed by its contract. */
export type DhlExpressApi = EndpointApi<DhlExpressEndpoints>;

/** The MyDHL API credentials: a user name and password for HTTP Basic, and the DHL Express account shipments are billed to. */
export interface DhlExpressCredentials {
  username: string;
  password: string;
  accountNumber: string;
}

export interface DhlExpressClientOptions {
  baseUrl: string;
  credentials: DhlExpressCredentials;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  fetch?: typeof fetch | undefined;
}

/**
 * Core's provider client wired for DHL Express (MyDHL API): HTTP Basic (the spec's only security
 * scheme), its problem errors, and no limits since it documents none. The credentials live in
 * their own client so a tracking key and an Express password never meet; the user name and the
 * account number are redacted like the password, since together they name the account.
 */
export function createDhlExpressClient(options: DhlExpressClientOptions): DhlExpressApi {
  const { username, password, accountNumber } = options.credentials;
  const ring = new ApiKeyRing({ provider: DHL_PROVIDER, clock: options.clock, keys: [{ id: `${DHL_PROVIDER}_express`, secret: password }] });
  const client = createProviderClient<DhlExpressEndpoint>({
    provider: DHL_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: dhlExpressEndpoints,
    accountRateLimits: DHL_EXPRESS_RATE_LIMITS.account,
    auth: basicAuth({ username, ring }),
    errors: dhlExpressErrorTable,
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.redactor.addSecret(username);
  client.redactor.addSecret(accountNumber);
  return endpointApi(client, dhlExpressEndpoints);
}
