import type { ErrorKind } from '../errors/kinds.js';

const PROVIDER_HEALTH_FAILURES: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['rate_limited', 'unavailable', 'timeout', 'network']);

/**
 * Whether a failure says the provider is unhealthy. Any other kind (a 4xx, a contract
 * violation) is a problem with this one request: the provider answered, so it must not trip
 * the breaker and block everybody else's calls.
 */
export function countsAsBreakerFailure(kind: ErrorKind): boolean {
  return PROVIDER_HEALTH_FAILURES.has(kind);
}
