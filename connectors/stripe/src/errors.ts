import { fieldReader, type ErrorKind, type ProviderErrorTable } from '@interlock/core';
import { ERROR_FIELDS } from './fields.js';
import { STRIPE_DECLINE_CODE } from './transform/failure.js';
import { errorContract } from './wire/error.js';

/**
 * Stripe's error vocabulary as data. Keys are what `stripeErrorCode` reads from a body: the
 * `decline_code` of a card error, else `code`, else `type`. A type is listed only where it decides
 * the kind whatever the status: an `invalid_request_error` is left to its status, because Stripe
 * also sends that type with its 401 (a bad key) and its 404 (`resource_missing`, listed by code).
 */
export const STRIPE_ERROR_KINDS: Readonly<Record<string, ErrorKind>> = {
  // Types.
  idempotency_error: 'conflict',
  api_error: 'unavailable',
  authentication_error: 'auth',
  rate_limit_error: 'rate_limited',
  // Codes.
  idempotency_key_in_use: 'conflict',
  rate_limit: 'rate_limited',
  lock_timeout: 'rate_limited',
  resource_missing: 'not_found',
  api_key_expired: 'auth',
  // Card errors (402) by code or decline code.
  ...Object.fromEntries(STRIPE_DECLINE_CODE.values.map((code) => [code, 'business_rejected' satisfies ErrorKind])),
};

/** The code a Stripe error body is classified by, or undefined when the body is not Stripe's. */
export function stripeErrorCode(body: unknown): { code: string | undefined; message: string | undefined } | undefined {
  const parsed = errorContract.schema.safeParse(body);
  if (!parsed.success) return undefined;
  const read = fieldReader(ERROR_FIELDS, parsed.data);
  const type = read.get('type');
  const declineCode = type === 'card_error' ? read.get('declineCode') : undefined;
  return { code: declineCode ?? read.get('code') ?? type, message: read.get('message') };
}

/** Stripe's errors for core's classifier: codes win over the HTTP status. */
export const stripeErrorTable: ProviderErrorTable = { codes: STRIPE_ERROR_KINDS, extract: stripeErrorCode };
