import { defineFieldMapping } from '@interlock/core';
import { STRIPE_PROVIDER } from './provider.js';

/**
 * Stripe's field names, declared once per object; transforms read and write through these
 * mappings only. Paths follow the 2023-08-16 spec (stripe-openapi.v1-subset.api-2023-08-16.json).
 */

/** The metadata key the caller's order reference travels under (`metadata[reference]`). */
export const REFERENCE_METADATA_KEY = 'reference';

/** The metadata key a free-text refund reason travels under, since Stripe's `reason` is a closed list. */
export const REFUND_REASON_METADATA_KEY = 'reason';

/** The metadata key a refund keeps its operation's idempotency key under, so a refund whose answer was lost can be found. */
export const IDEMPOTENCY_METADATA_KEY = 'interlock_idempotency_key';

export const PAYMENT_INTENT_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    id: 'id',
    amount: 'amount',
    amountReceived: 'amount_received',
    currency: 'currency',
    status: 'status',
    customer: 'customer',
    metadata: 'metadata',
    reference: `metadata.${REFERENCE_METADATA_KEY}`,
    createdAt: 'created',
    canceledAt: 'canceled_at',
    latestChargeCreatedAt: 'latest_charge.created',
    latestChargeAmount: 'latest_charge.amount',
    latestChargeAmountCaptured: 'latest_charge.amount_captured',
    latestChargeAmountRefunded: 'latest_charge.amount_refunded',
    lastPaymentError: 'last_payment_error',
    failureCode: 'last_payment_error.code',
    declineCode: 'last_payment_error.decline_code',
    failureMessage: 'last_payment_error.message',
  },
  outbound: {
    amount: 'amount',
    currency: 'currency',
    captureMethod: 'capture_method',
    customer: 'customer',
    description: 'description',
    metadata: 'metadata',
    amountToCapture: 'amount_to_capture',
  },
});

export const CHARGE_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    refunds: 'refunds.data',
  },
  outbound: {},
});

export const REFUND_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    id: 'id',
    amount: 'amount',
    currency: 'currency',
    status: 'status',
    reason: 'reason',
    reasonText: `metadata.${REFUND_REASON_METADATA_KEY}`,
    paymentIntent: 'payment_intent',
    charge: 'charge',
    createdAt: 'created',
  },
  outbound: {
    paymentIntent: 'payment_intent',
    amount: 'amount',
    reason: 'reason',
    metadata: 'metadata',
  },
});

export const CUSTOMER_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    id: 'id',
    name: 'name',
    email: 'email',
    metadata: 'metadata',
    reference: `metadata.${REFERENCE_METADATA_KEY}`,
  },
  outbound: {
    name: 'name',
    email: 'email',
    metadata: 'metadata',
  },
});

export const BALANCE_TRANSACTION_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    id: 'id',
    gross: 'amount',
    currency: 'currency',
    fee: 'fee',
    net: 'net',
    type: 'type',
    createdAt: 'created',
    sourceObject: 'source.object',
    sourceId: 'source.id',
    sourcePaymentIntent: 'source.payment_intent',
  },
  outbound: {},
});

export const EVENT_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    id: 'id',
    type: 'type',
    createdAt: 'created',
    object: 'data.object',
  },
  outbound: {},
});

export const ERROR_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    type: 'error.type',
    code: 'error.code',
    declineCode: 'error.decline_code',
    message: 'error.message',
  },
  outbound: {},
});

/** A page of any Stripe list (`{ object: "list", data, has_more, url }`). */
export const LIST_FIELDS = defineFieldMapping({
  provider: STRIPE_PROVIDER,
  inbound: {
    hasMore: 'has_more',
  },
  outbound: {},
});

/** Query parameters of Stripe's list endpoints (deepObject style, as the spec declares them). */
export const LIST_PARAMS = {
  limit: 'limit',
  startingAfter: 'starting_after',
  createdGte: 'created[gte]',
  createdLt: 'created[lt]',
  expand: 'expand[]',
  types: 'types[]',
} as const;

/** Every mapping, titled as the README's field tables show them. */
export const STRIPE_FIELD_MAPPINGS = [
  { title: 'PaymentIntent → Payment', mapping: PAYMENT_INTENT_FIELDS },
  { title: 'Charge (the object of charge.refunded)', mapping: CHARGE_FIELDS },
  { title: 'Refund → Refund', mapping: REFUND_FIELDS },
  { title: 'Customer → Customer', mapping: CUSTOMER_FIELDS },
  { title: 'Balance transaction → SettlementLine', mapping: BALANCE_TRANSACTION_FIELDS },
  { title: 'Event → PaymentEvent', mapping: EVENT_FIELDS },
  { title: 'Error body → IntegrationError', mapping: ERROR_FIELDS },
  { title: 'List page', mapping: LIST_FIELDS },
] as const;
