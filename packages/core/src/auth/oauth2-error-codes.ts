import type { ErrorKind } from '../errors/kinds.js';

// RFC 6749 §5.2 codes say more than the status they come with (many servers send 400 for all).
const OAUTH2_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  invalid_grant: 'auth',
  invalid_client: 'auth',
  unauthorized_client: 'auth',
  invalid_scope: 'invalid_request',
  invalid_request: 'invalid_request',
  unsupported_grant_type: 'invalid_request',
  temporarily_unavailable: 'unavailable',
};

/** The kind an RFC 6749 token-endpoint error code means, or undefined for a code it does not define. */
export function oauth2ErrorKind(code: string): ErrorKind | undefined {
  return Object.hasOwn(OAUTH2_ERROR_KINDS, code) ? OAUTH2_ERROR_KINDS[code] : undefined;
}
