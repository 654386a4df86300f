import { defineFieldMapping, fieldReader, type FieldMapping, type FieldReader } from '@interlock/core';
import { RAZORPAY_PROVIDER } from './provider.js';

/**
 * Razorpay's field names, declared once. Transforms read and write wire objects through these
 * mappings only, so a renamed field is one line here and the README's table stays true.
 * Shapes: /work/shared/providers/razorpay/razorpay-openapi.unofficial-v2-stage.json and sdk-mocks/.
 */

/** The order entity (`order_…`): what a canonical Payment is for Razorpay. */
export const ORDER_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    id: 'id',
    amountMinor: 'amount',
    amountPaid: 'amount_paid',
    currency: 'currency',
    reference: 'receipt',
    status: 'status',
    notes: 'notes',
    createdAt: 'created_at',
  },
  outbound: {
    amountMinor: 'amount',
    currency: 'currency',
    reference: 'receipt',
    notes: 'notes',
    autoCapture: 'payment_capture',
  },
});

/** The payment entity (`pay_…`): one attempt by the customer to pay an order. */
export const PAYMENT_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    id: 'id',
    orderId: 'order_id',
    amountMinor: 'amount',
    currency: 'currency',
    status: 'status',
    captured: 'captured',
    amountRefunded: 'amount_refunded',
    refundStatus: 'refund_status',
    customerId: 'customer_id',
    notes: 'notes',
    errorCode: 'error_code',
    errorDescription: 'error_description',
    errorReason: 'error_reason',
    createdAt: 'created_at',
  },
  outbound: {
    amountMinor: 'amount',
    currency: 'currency',
  },
});

/** The refund entity (`rfnd_…`); the canonical reason travels in the refund's notes. */
export const REFUND_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    id: 'id',
    paymentId: 'payment_id',
    amountMinor: 'amount',
    currency: 'currency',
    status: 'status',
    reason: 'notes.reason',
    createdAt: 'created_at',
  },
  outbound: {
    amountMinor: 'amount',
    reason: 'notes.reason',
  },
});

/** One item of the combined settlement recon report. */
export const RECON_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    entityId: 'entity_id',
    type: 'type',
    amountMinor: 'amount',
    currency: 'currency',
    fee: 'fee',
    tax: 'tax',
    debit: 'debit',
    credit: 'credit',
    settlementId: 'settlement_id',
    settledAt: 'settled_at',
    orderId: 'order_id',
    paymentId: 'payment_id',
  },
  outbound: {},
});

/**
 * The webhook envelope; its entities sit under `payload.<name>.entity` (typed by the webhook
 * contract). Razorpay names a delivery in the `x-razorpay-event-id` header; `id` is read only if
 * the body ever carries one.
 */
export const EVENT_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    id: 'id',
    type: 'event',
    createdAt: 'created_at',
  },
  outbound: {},
});

/** The error body, `{ error: { code, description, field, source, step, reason, metadata } }`. */
export const ERROR_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {
    code: 'error.code',
    description: 'error.description',
    reason: 'error.reason',
  },
  outbound: {},
});

/** Query parameters of the collection endpoints (`count`/`skip` paging, `from`/`to` in Unix seconds). */
export const QUERY_FIELDS = defineFieldMapping({
  provider: RAZORPAY_PROVIDER,
  inbound: {},
  outbound: {
    createdFrom: 'from',
    createdTo: 'to',
    pageSize: 'count',
    offset: 'skip',
    reference: 'receipt',
    expand: 'expand[]',
    year: 'year',
    month: 'month',
    day: 'day',
  },
});

/** Headers besides auth: the one Razorpay reads on refunds, and the two it sends with each webhook. */
export const HEADERS = {
  refundIdempotency: 'X-Refund-Idempotency',
  // Lowercase: core reads webhook headers as Node delivers them.
  webhookSignature: 'x-razorpay-signature',
  webhookEventId: 'x-razorpay-event-id',
} as const;

/** The note the connector keeps its idempotency key in, so a retried create can recognise its own order. */
export const IDEMPOTENCY_NOTE = 'interlock_idempotency_key';

/** Razorpay's error bodies say `"NA"` for a field that does not apply; it reads as absent. */
const ABSENT_TEXT = ['NA'];

/** Core's field reader over a Razorpay wire object, with Razorpay's placeholder for "none". */
export function readFields<In extends Record<string, string>, W>(mapping: FieldMapping<In, Record<string, string>>, wire: W): FieldReader<In, W> {
  return fieldReader(mapping, wire, { absentText: ABSENT_TEXT });
}
