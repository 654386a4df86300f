import type { AuthObserverContext } from './auth-observers.js';
import type { ApiKey, ApiKeyRing } from './api-key-ring.js';
import type { OAuth2TokenManager } from './oauth2-token-manager.js';

/** The parts of an outgoing request that credentials go on. */
export interface AuthorizedRequest {
  headers: Headers;
  url: URL;
}

/** Which credential a request was sent with. The client passes it back untouched. */
export interface AuthAttempt {
  /** The credential's non-secret id. */
  credentialId: string;
  /** The bearer token sent, so that exactly that token is dropped if refused. */
  token?: string;
}

/** How the HTTP client applies credentials, and what it does when they are refused. */
export interface AuthStrategy {
  /** Put credentials on the request; returns which credential was used (its non-secret id, used for per-credential rate limits). */
  authorize(request: AuthorizedRequest, signal?: AbortSignal): Promise<AuthAttempt>;
  /**
   * The provider answered 401 to `attempt`. Return true if a different credential is now
   * available and the same request may be re-sent at once (not counted as a retry).
   */
  onRejected(attempt: AuthAttempt): Promise<boolean>;
  /** Called once by the client so the credentials' events and secrets reach its telemetry and redactor. */
  attach?(context: AuthObserverContext): void;
}

/**
 * Where an API key goes: an `Authorization: Bearer` header; HTTP Basic with the key as user
 * name and an empty password (Stripe), or with `user: 'id'` the key's id as user name and its
 * secret as password (a key pair, as Razorpay's key id and secret: rotating means a new pair, so
 * the user name must come from the key, not from the strategy); a named header; or a named query
 * parameter.
 */
export type ApiKeyPlacement =
  | { in: 'bearer' }
  | { in: 'basic'; user?: 'key' | 'id' }
  | { in: 'header'; name: string }
  | { in: 'query'; name: string };

/** Options for {@link bearerTokenAuth}. */
export interface BearerTokenAuthOptions {
  /** The id reported for per-credential rate limits. Default `oauth2`. */
  credentialId?: string;
}

/** A Basic credential, registered with the ring's SecretSink since redaction cannot see through base64. */
function basicToken(ring: ApiKeyRing, userPass: string): string {
  const token = Buffer.from(userPass).toString('base64');
  ring.secrets.addSecret(token);
  return token;
}

function placeKey(ring: ApiKeyRing, key: ApiKey, placement: ApiKeyPlacement, request: AuthorizedRequest): void {
  switch (placement.in) {
    case 'bearer':
      request.headers.set('Authorization', `Bearer ${key.secret}`);
      return;
    case 'basic':
      request.headers.set('Authorization', `Basic ${basicToken(ring, placement.user === 'id' ? `${key.id}:${key.secret}` : `${key.secret}:`)}`);
      return;
    case 'header':
      request.headers.set(placement.name, key.secret);
      return;
    case 'query':
      request.url.searchParams.set(placement.name, key.secret);
      return;
  }
}

/** Switches the ring away from a refused key; true when another key is ready for a re-send. */
function rejectKey(ring: ApiKeyRing, attempt: AuthAttempt): Promise<boolean> {
  return Promise.resolve(ring.reportRejected(attempt.credentialId) !== undefined);
}

/**
 * Sends the ring's current API key as `placement` says. Derived header values (the Basic
 * token) are registered with the ring's `secrets`.
 */
export function apiKeyAuth(ring: ApiKeyRing, placement: ApiKeyPlacement): AuthStrategy {
  return {
    authorize(request) {
      const key = ring.current();
      placeKey(ring, key, placement, request);
      return Promise.resolve({ credentialId: key.id });
    },
    onRejected: (attempt) => rejectKey(ring, attempt),
    attach: (context) => ring.attach(context),
  };
}

/**
 * HTTP Basic with a fixed user name and the ring's current key as password (Razorpay: key id
 * and key secret). The base64 token is registered with the ring's `secrets`.
 */
export function basicAuth(options: { username: string; ring: ApiKeyRing }): AuthStrategy {
  const { username, ring } = options;
  return {
    authorize(request) {
      const key = ring.current();
      request.headers.set('Authorization', `Basic ${basicToken(ring, `${username}:${key.secret}`)}`);
      return Promise.resolve({ credentialId: key.id });
    },
    onRejected: (attempt) => rejectKey(ring, attempt),
    attach: (context) => ring.attach(context),
  };
}

/**
 * `Authorization: Bearer` with the manager's access token. A refused token is invalidated and
 * the request may be re-sent once with a refreshed one; the client calls onRejected at most
 * once per attempt, which bounds this to a single re-send.
 */
export function bearerTokenAuth(manager: OAuth2TokenManager, options: BearerTokenAuthOptions = {}): AuthStrategy {
  const credentialId = options.credentialId ?? 'oauth2';
  return {
    async authorize(request, signal) {
      const token = await manager.getToken(signal);
      request.headers.set('Authorization', `Bearer ${token}`);
      return { credentialId, token };
    },
    onRejected(attempt) {
      if (attempt.token === undefined) return Promise.resolve(false);
      manager.invalidate(attempt.token);
      return Promise.resolve(true);
    },
    attach: (context) => manager.attach(context),
  };
}
