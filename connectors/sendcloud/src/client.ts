import { ApiKeyRing, apiKeyAuth, createProviderClient, endpointApi, type Clock, type EndpointApi, type TelemetrySink } from '@interlock/core';
import { sendcloudEndpoints, type SendcloudEndpoint, type SendcloudEndpoints } from './endpoints.js';
import { sendcloudErrorTable } from './errors.js';
import { SENDCLOUD_RATE_LIMITS } from './limits.js';
import { SENDCLOUD_PROVIDER } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type SendcloudApi = EndpointApi<SendcloudEndpoints>;

export interface SendcloudClientOptions {
  baseUrl: string;
  /**
   * One API key pair as `<public key>:<secret key>`, or two while one is rotated: a 401 on the
   * first moves to the second.
   */
  apiKeys: readonly string[];
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the API keys that must never reach a log line or an error (the webhook secrets). */
  alsoRedact: readonly string[];
  fetch?: typeof fetch | undefined;
}

/**
 * Core's provider client wired for Sendcloud: HTTP Basic with the integration's public key as user
 * name and its secret key as password (the `HTTPBasicAuth` scheme of every v3 spec), the error
 * table, the account's and each endpoint's limits.
 */
export function createSendcloudClient(options: SendcloudClientOptions): SendcloudApi {
  // The public key is the key's id in logs and per-key limits; the secret key is never logged.
  const keys = options.apiKeys.map(toKeyPair);
  const client = createProviderClient<SendcloudEndpoint>({
    provider: SENDCLOUD_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: sendcloudEndpoints,
    accountRateLimits: SENDCLOUD_RATE_LIMITS.account,
    auth: apiKeyAuth(new ApiKeyRing({ provider: SENDCLOUD_PROVIDER, clock: options.clock, keys }), { in: 'basic', user: 'id' }),
    errors: sendcloudErrorTable,
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const secret of options.alsoRedact) client.redactor.addSecret(secret);
  return endpointApi(client, sendcloudEndpoints);
}

/** `<public key>:<secret key>` as core's key pair; a value without both halves is a configuration mistake. */
function toKeyPair(pair: string): { id: string; secret: string } {
  const colon = pair.indexOf(':');
  if (colon <= 0 || colon === pair.length - 1) throw new TypeError(SENDCLOUD_PROVIDER + ': an API key is "<public key>:<secret key>"');
  return { id: pair.slice(0, colon), secret: pair.slice(colon + 1) };
}
