import { IntegrationError } from '@interlock/core';
import type { CreatePaymentInput } from '@interlock/payments';
import { refused } from '../errors.js';
import { IDEMPOTENCY_NOTE, ORDER_FIELDS, readFields } from '../fields.js';
import { RAZORPAY_PROVIDER } from '../provider.js';
import type { WireOrder } from '../wire/index.js';
import { toWireAmount } from './money.js';
import { idempotencyKeyFromNotes } from './notes.js';

const ENDPOINT = 'createOrder';

/** Razorpay's documented limits on what an order may carry. */
export const RECEIPT_MAX_LENGTH = 40;
export const NOTES_MAX_ENTRIES = 15;
export const NOTE_MAX_LENGTH = 256;

/**
 * The body of `POST /v1/orders`. The caller's reference becomes the order's `receipt` (the field
 * a retried create is looked up by) and the operation's idempotency key goes into `notes`, which
 * is how a lookup tells this operation's order from another one with the same receipt.
 * Checkout collects the customer's details, so `customer` and `description` are not sent.
 */
export function toOrderBody(input: CreatePaymentInput, idempotencyKey: string): Record<string, unknown> {
  if (input.reference.length === 0 || input.reference.length > RECEIPT_MAX_LENGTH) {
    throw refused(ENDPOINT, 'reference_length', `the reference becomes the order's receipt, which takes 1 to ${RECEIPT_MAX_LENGTH} characters (got ${input.reference.length})`);
  }
  const metadata = input.metadata ?? {};
  if (Object.hasOwn(metadata, IDEMPOTENCY_NOTE)) {
    throw refused(ENDPOINT, 'metadata_reserved_key', `metadata may not use the key ${IDEMPOTENCY_NOTE}: the connector keeps its idempotency key there`);
  }
  const entries = Object.entries(metadata);
  if (entries.length + 1 > NOTES_MAX_ENTRIES) {
    throw refused(ENDPOINT, 'metadata_too_many_entries', `Razorpay keeps at most ${NOTES_MAX_ENTRIES} notes and the connector uses one, so metadata takes at most ${NOTES_MAX_ENTRIES - 1} entries`);
  }
  if (entries.some(([, value]) => value.length > NOTE_MAX_LENGTH) || idempotencyKey.length > NOTE_MAX_LENGTH) {
    throw refused(ENDPOINT, 'metadata_value_too_long', `each note takes at most ${NOTE_MAX_LENGTH} characters`);
  }
  const body: Record<string, unknown> = {};
  ORDER_FIELDS.write(body, 'amountMinor', toWireAmount(input.amount, ENDPOINT));
  ORDER_FIELDS.write(body, 'currency', input.amount.currency);
  ORDER_FIELDS.write(body, 'reference', input.reference);
  ORDER_FIELDS.write(body, 'autoCapture', input.captureMethod === 'automatic');
  ORDER_FIELDS.write(body, 'notes', { ...metadata, [IDEMPOTENCY_NOTE]: idempotencyKey });
  return body;
}

/**
 * The order an earlier attempt of this create made, among the orders listed for its receipt: the
 * one carrying the same idempotency key. Found with another amount or currency, the key was
 * reused for a different payment, which is a `conflict`, as a provider-side key would answer.
 */
export function matchCreatedOrder(orders: readonly WireOrder[], input: CreatePaymentInput, idempotencyKey: string): WireOrder | undefined {
  const mine = orders
    .map((order) => ({ order, read: readFields(ORDER_FIELDS, order) }))
    .filter(({ read }) => idempotencyKeyFromNotes(read.raw('notes')) === idempotencyKey)
    .sort((a, b) => a.read.requiredInt('createdAt') - b.read.requiredInt('createdAt'));
  const [first] = mine;
  if (first === undefined) return undefined;
  const { order: found, read } = first;
  if (read.int('amountMinor') !== input.amount.amountMinor || read.text('currency') !== input.amount.currency || read.text('reference') !== input.reference) {
    throw new IntegrationError('conflict', `${RAZORPAY_PROVIDER} ${ENDPOINT}: idempotency key reused for a different payment (order ${read.requiredText('id')})`, {
      provider: RAZORPAY_PROVIDER,
      endpoint: ENDPOINT,
      reason: 'idempotency_key_reused',
      requestMayHaveReachedProvider: false,
    });
  }
  return found;
}
