import { bearerTokenAuth, clientCredentialsGrant, createProviderClient, endpointApi, OAuth2TokenManager, type AuthStrategy, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { upsEndpoints, type UpsEndpoint, type UpsEndpoints } from './endpoints.js';
import { upsErrorTable } from './errors.js';
import { UPS_HEADERS } from './fields.js';
import { UPS_RATE_LIMITS } from './limits.js';
import { UPS_PROVIDER, UPS_TOKEN_PATH, UPS_TRANSACTION_SOURCE } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type UpsApi = EndpointApi<UpsEndpoints>;

/** The OAuth2 client UPS issued (developer.ups.com app): its id and secret. */
export interface UpsClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface UpsClientOptions {
  baseUrl: string;
  credentials: UpsClientCredentials;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the OAuth2 ones that must never reach a log line or an error (the Track Alert credential). */
  alsoRedact: readonly string[];
  /** Refresh this long before the token expires. Default five minutes. */
  refreshBeforeMs?: number;
  fetch?: typeof fetch | undefined;
}

/**
 * Core's provider client wired for UPS: an OAuth2 client-credentials token (client_secret_basic)
 * refreshed before it expires, a fresh `transId` on every call (core's correlation id, which UPS
 * asks to be "unique to the request") and `transactionSrc`, the error table, and the account's
 * and each endpoint's limits.
 */
export function createUpsClient(options: UpsClientOptions): UpsApi {
  const tokens = new OAuth2TokenManager({
    provider: UPS_PROVIDER,
    clock: options.clock,
    ...(options.refreshBeforeMs === undefined ? {} : { refreshBeforeMs: options.refreshBeforeMs }),
    fetchToken: clientCredentialsGrant({
      provider: UPS_PROVIDER,
      tokenUrl: new URL(UPS_TOKEN_PATH, options.baseUrl).toString(),
      clientId: options.credentials.clientId,
      clientSecret: options.credentials.clientSecret,
      clock: options.clock,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  });
  const bearer = bearerTokenAuth(tokens, { credentialId: `${UPS_PROVIDER}_oauth2` });
  // Tokens are refreshed before they expire, so a refused one was revoked or the client is wrong:
  // it is dropped for the next call, and this one fails as auth (permanent) instead of being sent
  // twice, which the contract suite holds every connector to.
  const auth: AuthStrategy = { ...bearer, onRejected: (attempt) => bearer.onRejected(attempt).then(() => false) };
  const client = createProviderClient<UpsEndpoint>({
    provider: UPS_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: upsEndpoints,
    accountRateLimits: UPS_RATE_LIMITS.account,
    auth,
    errors: upsErrorTable,
    correlationHeader: UPS_HEADERS.transId,
    headers: { [UPS_HEADERS.transactionSrc]: UPS_TRANSACTION_SOURCE },
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const secret of [options.credentials.clientSecret, ...options.alsoRedact]) client.redactor.addSecret(secret);
  return endpointApi(client, upsEndpoints);
}
