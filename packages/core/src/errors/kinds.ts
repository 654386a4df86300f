/**
 * The closed set of error kinds. Every failure a connector reports is one of these, so callers
 * can decide what to do without knowing the provider.
 */
export const ERROR_KINDS = [
  'rate_limited',
  'unavailable',
  'timeout',
  'network',
  'auth',
  'forbidden',
  'not_found',
  'invalid_request',
  'conflict',
  'business_rejected',
  'contract_violation',
  // Not a failure of the provider but of our knowledge: a write that may have taken effect although
  // its call failed, and that nobody holds a key to send again safely. No other kind fits: the
  // transient ones invite a blind retry (a second refund), the final ones claim nothing happened.
  'outcome_unknown',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

// Retryable means "the same request may succeed later without a change". 401 is not: a refreshed
// credential is a new request, decided by the auth layer, never by a blind retry.
const RETRYABLE: Readonly<Record<ErrorKind, boolean>> = {
  rate_limited: true,
  unavailable: true,
  timeout: true,
  network: true,
  auth: false,
  forbidden: false,
  not_found: false,
  invalid_request: false,
  conflict: false,
  business_rejected: false,
  contract_violation: false,
  // Sending it again could do it twice: a lookup at the provider settles it instead.
  outcome_unknown: false,
};

export function isRetryableKind(kind: ErrorKind): boolean {
  return RETRYABLE[kind];
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}
