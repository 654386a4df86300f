import { fieldReader, statusMap, type Money, type OpenEnumValue } from '@interlock/core';
import type { CreatePaymentInput, Payment, PaymentStatus } from '@interlock/payments';
import { PAYMENT_INTENT_FIELDS, REFERENCE_METADATA_KEY } from '../fields.js';
import { STRIPE_PROVIDER } from '../provider.js';
import { PAYMENT_INTENT_STATUS, type WirePaymentIntent } from '../wire/payment-intent.js';
import { idOf } from '../wire/common.js';
import { callerMetadata, instantFromStripe, type TransformContext } from './context.js';
import { failureFromStripe } from './failure.js';
import { fromWireAmount, toWireAmount, toWireCurrency } from './money.js';
import { checkMetadata, checkReference } from './request-checks.js';

/**
 * PaymentIntent statuses per canonical status. `failed`, `partially_refunded` and `refunded` are
 * not Stripe statuses; `toPayment` derives them (see there).
 */
export const PAYMENT_STATUS_MAP = statusMap(PAYMENT_INTENT_STATUS, {
  requires_action: ['requires_payment_method', 'requires_confirmation', 'requires_action'],
  pending: ['processing'],
  authorized: ['requires_capture'],
  succeeded: ['succeeded'],
  canceled: ['canceled'],
});

function canonicalStatus(
  status: OpenEnumValue<string>,
  attemptFailed: boolean,
  captured: Money,
  refunded: Money,
  ctx: TransformContext,
): { status: PaymentStatus; raw: string } {
  const mapped = PAYMENT_STATUS_MAP.map(status, ctx.tracker);
  // Stripe reports a failed attempt by returning the intent to requires_payment_method with the
  // error attached; without the error it is a payment nobody has tried to pay yet.
  if (mapped.raw === 'requires_payment_method' && attemptFailed) return { status: 'failed', raw: mapped.raw };
  if (mapped.status === 'succeeded' && refunded.amountMinor > 0) {
    return { status: refunded.amountMinor >= captured.amountMinor ? 'refunded' : 'partially_refunded', raw: mapped.raw };
  }
  return mapped;
}

/**
 * What was refunded of the captured money, from an expanded latest charge. Under 2023-08-16 a
 * partial capture or a cancelled authorisation releases the uncaptured rest as a refund, so the
 * charge's `amount_refunded` includes it; that part was never the customer's payment to refund.
 */
function refundedAfterCapture(refunded: number | undefined, authorised: number | undefined, captured: number | undefined): number {
  if (refunded === undefined || authorised === undefined || captured === undefined) return 0;
  return Math.max(0, refunded - (authorised - captured));
}

/**
 * A PaymentIntent as a canonical Payment.
 *
 * - `amountCaptured` is `amount_received`; `amountRefunded` comes from the latest charge (see
 *   `refundedAfterCapture`), known only when `latest_charge` arrived expanded (the connector's
 *   reads ask for it). When it is not (a webhook's `data.object`), the refund state cannot be told
 *   from the intent alone: the payment stays `succeeded` with nothing refunded, and refunds are
 *   learnt from `refundPayment`, `getPayment` and refund events.
 * - `requires_payment_method` with `last_payment_error` set is `failed`, with the decline mapped.
 * - `updatedAt` is `ctx.observedAt` when given, else the latest of the intent's own timestamps
 *   (created, canceled, its latest charge's creation): Stripe keeps no "updated" time.
 */
export function toPayment(wire: WirePaymentIntent, ctx: TransformContext = {}): Payment {
  const read = fieldReader(PAYMENT_INTENT_FIELDS, wire);
  const currency = read.get('currency');
  const amount = fromWireAmount(read.get('amount'), currency, 'payment_intent.amount');
  const amountCaptured = fromWireAmount(read.get('amountReceived') ?? 0, currency, 'payment_intent.amount_received');
  const amountRefunded = fromWireAmount(
    refundedAfterCapture(read.get('latestChargeAmountRefunded'), read.get('latestChargeAmount'), read.get('latestChargeAmountCaptured')),
    currency,
    'charge.amount_refunded',
  );
  const lastError = read.get('lastPaymentError');
  const status = canonicalStatus(read.get('status'), lastError !== null && lastError !== undefined, amountCaptured, amountRefunded, ctx);

  const createdAt = instantFromStripe(read.get('createdAt'), 'payment_intent.created');
  const canceledAt = read.get('canceledAt');
  const chargedAt = read.get('latestChargeCreatedAt');
  const updatedAt =
    ctx.observedAt ??
    Math.max(
      createdAt,
      canceledAt === null || canceledAt === undefined ? createdAt : instantFromStripe(canceledAt, 'payment_intent.canceled_at'),
      chargedAt === undefined ? createdAt : instantFromStripe(chargedAt, 'charge.created'),
    );

  const reference = read.get('reference');
  const customerId = idOf(read.get('customer'));
  const failure = lastError
    ? failureFromStripe({ code: read.get('failureCode'), declineCode: read.get('declineCode'), message: read.get('failureMessage') }, ctx.tracker)
    : undefined;
  return {
    id: read.get('id'),
    provider: STRIPE_PROVIDER,
    ...(reference === undefined || reference === '' ? {} : { reference }),
    amount,
    amountCaptured,
    amountRefunded,
    status: status.status,
    statusRaw: status.raw,
    ...(failure ? { failure } : {}),
    ...(customerId === undefined ? {} : { customerId }),
    createdAt,
    updatedAt,
    metadata: callerMetadata(read.get('metadata')),
  };
}

/** Refuses, before anything is sent, a create Stripe would reject or misread (amount, reference, metadata). */
export function checkCreatePayment(input: CreatePaymentInput, operation: string): void {
  toWireAmount(input.amount, operation);
  checkReference(input.reference, operation);
  checkMetadata(input.metadata ?? {}, operation, [REFERENCE_METADATA_KEY]);
}

/**
 * The form body of POST /v1/payment_intents. The reference travels as `metadata[reference]`
 * beside the caller's metadata.
 */
export function toCreatePaymentIntentBody(input: CreatePaymentInput, customerId: string | undefined, operation: string): Record<string, unknown> {
  checkCreatePayment(input, operation);
  const callerMetadata = input.metadata ?? {};
  const body: Record<string, unknown> = {};
  PAYMENT_INTENT_FIELDS.write(body, 'amount', toWireAmount(input.amount, operation));
  PAYMENT_INTENT_FIELDS.write(body, 'currency', toWireCurrency(input.amount));
  PAYMENT_INTENT_FIELDS.write(body, 'captureMethod', input.captureMethod);
  PAYMENT_INTENT_FIELDS.write(body, 'customer', customerId);
  PAYMENT_INTENT_FIELDS.write(body, 'description', input.description);
  PAYMENT_INTENT_FIELDS.write(body, 'metadata', { ...callerMetadata, [REFERENCE_METADATA_KEY]: input.reference });
  return body;
}

/** The form body of POST /v1/payment_intents/{id}/capture: empty captures everything authorised. */
export function toCaptureBody(amount: Money | undefined, operation: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (amount) PAYMENT_INTENT_FIELDS.write(body, 'amountToCapture', toWireAmount(amount, operation));
  return body;
}
