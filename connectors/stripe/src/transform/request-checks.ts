import { IntegrationError } from '@interlock/core';
import { STRIPE_PROVIDER } from '../provider.js';

/** Stripe's documented bounds (docs.stripe.com/api/idempotent_requests, docs.stripe.com/api/metadata). */
const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY_LENGTH = 40;
const MAX_METADATA_VALUE_LENGTH = 500;

/** An `invalid_request` found before sending: it provably never reached Stripe. */
export function refuse(operation: string, reason: string, message: string): IntegrationError {
  return new IntegrationError('invalid_request', `${STRIPE_PROVIDER} ${operation}: ${message}`, {
    provider: STRIPE_PROVIDER,
    endpoint: operation,
    reason,
    requestMayHaveReachedProvider: false,
  });
}

/** A caller's idempotency key Stripe would refuse (empty, or longer than 255 characters). */
export function checkIdempotencyKey(key: string | undefined, operation: string): void {
  if (key === undefined) return;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw refuse(operation, 'idempotency_key_invalid', `idempotency keys must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`);
  }
}

/**
 * Metadata Stripe would refuse, or that would overwrite a key the connector writes itself
 * (`reserved`, e.g. `reference`): refused before sending so the caller learns which key is wrong.
 * Key names are not echoed into the message beyond their length: metadata can hold personal data.
 */
export function checkMetadata(metadata: Readonly<Record<string, string>>, operation: string, reserved: readonly string[]): void {
  const entries = Object.entries(metadata);
  if (entries.length + reserved.length > MAX_METADATA_KEYS) {
    throw refuse(operation, 'metadata_invalid', `at most ${MAX_METADATA_KEYS - reserved.length} metadata keys can be sent, got ${entries.length}`);
  }
  for (const [key, value] of entries) {
    if (reserved.includes(key)) throw refuse(operation, 'metadata_invalid', `metadata key "${key}" is written by the connector`);
    if (key.length === 0 || key.length > MAX_METADATA_KEY_LENGTH || /[[\]]/.test(key)) {
      throw refuse(operation, 'metadata_invalid', `metadata keys must be 1 to ${MAX_METADATA_KEY_LENGTH} characters without brackets`);
    }
    if (value.length > MAX_METADATA_VALUE_LENGTH) {
      throw refuse(operation, 'metadata_invalid', `metadata values must be at most ${MAX_METADATA_VALUE_LENGTH} characters`);
    }
  }
}

/** A reference Stripe could not store as a metadata value. */
export function checkReference(reference: string, operation: string): void {
  if (reference.length === 0 || reference.length > MAX_METADATA_VALUE_LENGTH) {
    throw refuse(operation, 'reference_invalid', `the reference must be 1 to ${MAX_METADATA_VALUE_LENGTH} characters`);
  }
}

/** A second amount in another currency than the payment's (a capture or refund of JPY in USD). */
export function checkSameCurrency(expected: string, given: string, operation: string): void {
  if (expected !== given) throw refuse(operation, 'currency_mismatch', `the payment is in ${expected}, the amount given is in ${given}`);
}
