export {
  backoffDelay,
  resolveBackoffOptions,
  type BackoffOptions,
  type Jitter,
  type Random,
} from './backoff.js';
export { parseRetryAfter } from './retry-after.js';
export {
  decideRetry,
  resolveRetryPolicy,
  type ResolvedRetryPolicy,
  type RetryContext,
  type RetryDecision,
  type RetryPolicy,
} from './retry-policy.js';
export { isSafeToRetry } from './safe-retry.js';
export { RetryBudget, type RetryBudgetOptions, type RetryBudgetSnapshot } from './retry-budget.js';
