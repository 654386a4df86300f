import type { Clock } from '../clock/clock.js';
import type { SecretSink } from '../redaction/redactor.js';
import { requestToken } from './token-endpoint.js';
import type { TokenFetcher } from './token-grant.js';

/** How a confidential client proves its identity to the token endpoint (RFC 6749 §2.3.1). */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';

/** Options for {@link clientCredentialsGrant}. */
export interface ClientCredentialsGrantOptions {
  provider: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  clock: Clock;
  fetch?: typeof fetch;
  /** Defaults to `client_secret_basic`, which every RFC 6749 server must support. */
  authMethod?: ClientAuthMethod;
  /** Receives the client secret and the Basic header value derived from it. */
  secrets?: SecretSink;
}

/** Options for {@link refreshTokenGrant}. */
export interface RefreshTokenGrantOptions {
  provider: string;
  tokenUrl: string;
  clientId: string;
  /** Omit for a public client, which identifies itself by `client_id` alone. */
  clientSecret?: string;
  refreshToken: string;
  /** Called when the provider rotates the refresh token: the caller must persist `next`, since the old one may stop working. */
  onRefreshToken?: (next: string) => void;
  clock: Clock;
  fetch?: typeof fetch;
  /** Used when `clientSecret` is given; defaults to `client_secret_basic`. */
  authMethod?: ClientAuthMethod;
  /** Receives the client secret, every refresh token and the Basic header value. */
  secrets?: SecretSink;
}

interface ClientCredentials {
  clientId: string;
  clientSecret?: string | undefined;
  authMethod?: ClientAuthMethod | undefined;
  secrets?: SecretSink | undefined;
}

// RFC 6749 §2.3.1: both parts are form-encoded before they are joined and base64-encoded.
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** Adds client authentication to the form or the headers, registering the derived Basic token as a secret. */
function authenticateClient(client: ClientCredentials, form: URLSearchParams, headers: Headers): void {
  if (client.clientSecret === undefined) {
    form.set('client_id', client.clientId);
    return;
  }
  if (client.authMethod === 'client_secret_post') {
    form.set('client_id', client.clientId);
    form.set('client_secret', client.clientSecret);
    return;
  }
  const basic = Buffer.from(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`).toString('base64');
  client.secrets?.addSecret(basic);
  headers.set('Authorization', `Basic ${basic}`);
}

/** A {@link TokenFetcher} for the client credentials grant (RFC 6749 §4.4): server-to-server tokens. */
export function clientCredentialsGrant(options: ClientCredentialsGrantOptions): TokenFetcher {
  options.secrets?.addSecret(options.clientSecret);
  return (signal) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope !== undefined) form.set('scope', options.scope);
    const headers = new Headers();
    authenticateClient(options, form, headers);
    return requestToken(options, form, headers, signal);
  };
}

/**
 * A {@link TokenFetcher} for the refresh token grant (RFC 6749 §6). When the provider answers
 * with a new refresh token, later refreshes use it and `onRefreshToken` is told.
 */
export function refreshTokenGrant(options: RefreshTokenGrantOptions): TokenFetcher {
  if (options.clientSecret !== undefined) options.secrets?.addSecret(options.clientSecret);
  options.secrets?.addSecret(options.refreshToken);
  let refreshToken = options.refreshToken;
  return async (signal) => {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
    const headers = new Headers();
    authenticateClient(options, form, headers);
    const grant = await requestToken(options, form, headers, signal);
    if (grant.refreshToken !== undefined && grant.refreshToken !== refreshToken) {
      options.secrets?.addSecret(grant.refreshToken);
      refreshToken = grant.refreshToken;
      options.onRefreshToken?.(refreshToken);
    }
    return grant;
  };
}
