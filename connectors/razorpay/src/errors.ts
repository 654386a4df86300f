import { IntegrationError, type ErrorKind, type ProviderErrorDetail, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS, readFields } from './fields.js';
import { RAZORPAY_PROVIDER } from './provider.js';

/**
 * Razorpay's error knowledge as data. Keys are, most specific first: the error's `reason`
 * (payment failures), a code derived from a description Razorpay gives no code for, a code for an
 * HTTP status with a documented meaning, then the error's `code`. The first key listed here is
 * the provider code reported; when none is listed, `error.code` is reported and the HTTP status
 * decides the kind (400 invalid_request, 401 auth, 404 not_found, 429 rate_limited, 5xx unavailable),
 * which is why `BAD_REQUEST_ERROR` itself is not listed: Razorpay also sends it with 401.
 */
export const RAZORPAY_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  // error.code
  GATEWAY_ERROR: 'unavailable',
  SERVER_ERROR: 'unavailable',
  // error.reason: the payment itself was refused, retrying the same request cannot help
  payment_failed: 'business_rejected',
  card_declined: 'business_rejected',
  insufficient_funds: 'business_rejected',
  authentication_failed: 'business_rejected',
  invalid_otp: 'business_rejected',
  card_expired: 'business_rejected',
  card_number_invalid: 'business_rejected',
  debit_instrument_blocked: 'business_rejected',
  debit_instrument_inactive: 'business_rejected',
  authorisation_declined_by_psp: 'business_rejected',
  payment_cancelled: 'business_rejected',
  payment_timed_out: 'business_rejected',
  input_validation_failed: 'invalid_request',
  // derived from the description (see DESCRIPTION_CODES)
  idempotency_key_reused: 'conflict',
  id_not_found: 'not_found',
  already_captured: 'conflict',
  // derived from the status (see STATUS_CODES): the docs say a 409 on an idempotent refund means
  // the first request is still being processed and may be retried, so it is transient, not a conflict.
  request_in_progress: 'rate_limited',
};

/** Conditions Razorpay signals only in prose, as codes the table can list. */
export const DESCRIPTION_CODES: readonly (readonly [pattern: RegExp, code: string])[] = [
  [/^Different request with the same idempotency key/i, 'idempotency_key_reused'],
  [/^The id provided does not exist/i, 'id_not_found'],
  [/already been captured/i, 'already_captured'],
];

/** HTTP statuses whose meaning at Razorpay is documented more precisely than the status class. */
export const STATUS_CODES: Readonly<Record<number, string>> = {
  409: 'request_in_progress',
};

function descriptionCode(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  return DESCRIPTION_CODES.find(([pattern]) => pattern.test(description))?.[1];
}

/** Reads Razorpay's error body into the code to classify by and the description to report. */
export function extractRazorpayError(body: unknown, status: number, kinds: Readonly<Record<string, ErrorKind>> = RAZORPAY_ERROR_KINDS): ProviderErrorDetail | undefined {
  const error = readFields(ERROR_FIELDS, body);
  const code = error.text('code');
  // A body that is not Razorpay's (a proxy's page, an echo) may still say something in `message`.
  const message = error.text('description') ?? messageOf(body);
  const candidates = [error.text('reason'), descriptionCode(message), STATUS_CODES[status], code];
  const known = candidates.find((candidate) => candidate !== undefined && Object.hasOwn(kinds, candidate));
  const reported = known ?? code ?? STATUS_CODES[status];
  if (reported === undefined && message === undefined) return undefined;
  return { code: reported, message };
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null || !('message' in error)) return undefined;
  return typeof error.message === 'string' ? error.message : undefined;
}

/** The error table core classifies Razorpay's responses with; `kinds` replaces the defaults in tests. */
export function razorpayErrorTable(kinds: Readonly<Record<string, ErrorKind>> = RAZORPAY_ERROR_KINDS): ProviderErrorTable {
  return { codes: kinds, extract: (body, status) => extractRazorpayError(body, status, kinds) };
}

/** A request the connector refuses before sending: Razorpay would reject it, or worse, accept a different amount. */
export function refused(endpoint: string, reason: string, message: string): IntegrationError {
  return new IntegrationError('invalid_request', `${RAZORPAY_PROVIDER} ${endpoint}: ${message}`, {
    provider: RAZORPAY_PROVIDER,
    endpoint,
    reason,
    requestMayHaveReachedProvider: false,
  });
}
