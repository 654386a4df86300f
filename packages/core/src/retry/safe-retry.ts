import type { IntegrationError } from '../errors/integration-error.js';

// RFC 9110 §9.2.2: repeating these has the same effect on the server as sending them once.
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Whether repeating the request cannot cause a second side effect: it never left this process,
 * its method is idempotent, the endpoint is declared safe to repeat, or the provider dedupes it
 * by idempotency key. A POST or PATCH that may have reached the provider without a key could
 * charge a card twice, so it is never repeated.
 */
export function isSafeToRetry(
  method: string,
  error: IntegrationError,
  hasIdempotencyKey: boolean,
  idempotentEndpoint = false,
): boolean {
  if (!error.requestMayHaveReachedProvider) return true;
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || idempotentEndpoint || hasIdempotencyKey;
}
