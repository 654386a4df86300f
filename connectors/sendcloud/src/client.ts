import {
  ApiKeyRing,
  apiKeyAuth,
  bearerTokenAuth,
  clientCredentialsGrant,
  createProviderClient,
  endpointApi,
  OAuth2TokenManager,
  parseCredentialPair,
  type AuthStrategy,
  type Clock,
  type EndpointApi,
  type TelemetrySink,
} from '@interlock/core';
import { sendcloudEndpoints, type SendcloudEndpoint, type SendcloudEndpoints } from './endpoints.js';
import { sendcloudErrorTable } from './errors.js';
import { SENDCLOUD_RATE_LIMITS } from './limits.js';
import { SENDCLOUD_OAUTH2_SCOPE, SENDCLOUD_PROVIDER, SENDCLOUD_TOKEN_URL } from './provider.js';

/** What every operation calls through: each endpoint's answer comes back parsed by its own contract. */
export type SendcloudApi = EndpointApi<SendcloudEndpoints>;

/** An OAuth2 client Sendcloud issued, for the client-credentials grant. */
export interface SendcloudOAuth2Client {
  clientId: string;
  clientSecret: string;
  /** Default Sendcloud's (`SENDCLOUD_TOKEN_URL`); a simulator's otherwise. */
  tokenUrl?: string | undefined;
}

/** How the connector authenticates: API keys (HTTP Basic) or an OAuth2 client, both documented for every v3 endpoint. */
export type SendcloudCredentials =
  | {
      /**
       * One API key pair as `<public key>:<secret key>`, or two while one is rotated: a 401 on the
       * first moves to the second.
       */
      apiKeys: readonly string[];
      oauth2?: never;
    }
  | { oauth2: SendcloudOAuth2Client; apiKeys?: never };

export type SendcloudClientOptions = SendcloudCredentials & {
  baseUrl: string;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Secrets besides the API keys that must never reach a log line or an error (the webhook secrets). */
  alsoRedact: readonly string[];
  fetch?: typeof fetch | undefined;
};

/**
 * A client-credentials token (scope `api`) from Sendcloud's token endpoint, refreshed before it
 * expires. A token refused anyway was revoked or the client is wrong: it is dropped for the next
 * call and this one fails as auth instead of being sent twice.
 */
function oauth2Auth(client: SendcloudOAuth2Client, options: SendcloudClientOptions): AuthStrategy {
  const tokens = new OAuth2TokenManager({
    provider: SENDCLOUD_PROVIDER,
    clock: options.clock,
    fetchToken: clientCredentialsGrant({
      provider: SENDCLOUD_PROVIDER,
      tokenUrl: client.tokenUrl ?? SENDCLOUD_TOKEN_URL,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scope: SENDCLOUD_OAUTH2_SCOPE,
      clock: options.clock,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  });
  const bearer = bearerTokenAuth(tokens, { credentialId: `${SENDCLOUD_PROVIDER}_oauth2` });
  return { ...bearer, onRejected: (attempt) => bearer.onRejected(attempt).then(() => false) };
}

/**
 * Core's provider client wired for Sendcloud: HTTP Basic with the integration's public key as user
 * name and its secret key as password (the `HTTPBasicAuth` scheme of every v3 spec), or an OAuth2
 * client-credentials token (`OAuth2ClientCreds`, the spec's other scheme); the error table, the
 * account's and each endpoint's limits.
 */
export function createSendcloudClient(options: SendcloudClientOptions): SendcloudApi {
  // The public key is the key's id in logs and per-key limits; the secret key is never logged.
  const auth =
    options.oauth2 === undefined
      ? apiKeyAuth(new ApiKeyRing({ provider: SENDCLOUD_PROVIDER, clock: options.clock, keys: options.apiKeys.map((pair) => parseCredentialPair(pair, SENDCLOUD_PROVIDER, 'an API key is "<public key>:<secret key>"')) }), { in: 'basic', user: 'id' })
      : oauth2Auth(options.oauth2, options);
  const client = createProviderClient<SendcloudEndpoint>({
    provider: SENDCLOUD_PROVIDER,
    baseUrl: options.baseUrl,
    endpoints: sendcloudEndpoints,
    accountRateLimits: SENDCLOUD_RATE_LIMITS.account,
    auth,
    errors: sendcloudErrorTable,
    clock: options.clock,
    telemetry: options.telemetry,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  for (const secret of [...(options.oauth2 === undefined ? [] : [options.oauth2.clientSecret]), ...options.alsoRedact]) client.redactor.addSecret(secret);
  return endpointApi(client, sendcloudEndpoints);
}
