export {
  CircuitBreaker,
  type AllowedPermit,
  type CircuitBreakerConfig,
  type CircuitBreakerOptions,
  type CircuitBreakerSnapshot,
  type CircuitPermit,
  type CircuitStateListener,
} from './circuit-breaker.js';
export { countsAsBreakerFailure } from './breaker-failure.js';
export type { Fallback } from './fallback.js';
