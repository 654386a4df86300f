export { ApiKeyRing, type ApiKey, type ApiKeyListing, type ApiKeyRingOptions } from './api-key-ring.js';
export type { TokenFetcher, TokenGrant } from './token-grant.js';
export { parseCredentialPair, type CredentialPair } from './credential-pair.js';
export { OAuth2TokenManager, type OAuth2TokenManagerOptions } from './oauth2-token-manager.js';
export {
  clientCredentialsGrant,
  refreshTokenGrant,
  type ClientAuthMethod,
  type ClientCredentialsGrantOptions,
  type RefreshTokenGrantOptions,
} from './oauth2-grants.js';
export {
  apiKeyAuth,
  basicAuth,
  bearerTokenAuth,
  type ApiKeyPlacement,
  type AuthAttempt,
  type AuthorizedRequest,
  type AuthStrategy,
  type BearerTokenAuthOptions,
} from './auth-strategy.js';
export { AuthObservers, type AuthObserverContext } from './auth-observers.js';
