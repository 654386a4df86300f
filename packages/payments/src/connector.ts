import type { Money, ReadOptions, WebhookHeaders } from '@interlock/core';
import type { Payment } from './models/payment.js';
import type { PaymentEvent } from './models/payment-event.js';
import type { Refund } from './models/refund.js';
import type { SettlementLine } from './models/settlement-line.js';

/** What a caller asks for when creating a payment. */
export interface CreatePaymentInput {
  amount: Money;
  /** An existing customer by our id, or details for the provider to attach to the payment. */
  customer?: { id?: string; name?: string; email?: string };
  description?: string;
  /** `manual` only authorises; the funds move on `capturePayment`. */
  captureMethod: 'automatic' | 'manual';
  metadata?: Record<string, string>;
  /** The caller's own order id, sent to the provider so the two can be matched in reports. */
  reference: string;
}

/** Options for a call that changes money at the provider. */
export interface IdempotentOptions {
  /**
   * The key the provider dedupes the operation on. Pass one when the caller retries across
   * process restarts; otherwise the connector makes one per call and keeps it across its retries.
   */
  idempotencyKey?: string;
}

/** Options for capturing an authorised payment. */
export interface CaptureOptions extends IdempotentOptions {
  /** Capture less than authorised; omitted, the whole authorised amount is captured. */
  amount?: Money;
}

/** Options for refunding a payment. */
export interface RefundOptions extends IdempotentOptions {
  /** A partial refund; omitted, whatever is left of the captured amount is refunded. */
  amount?: Money;
  reason?: string;
}

/**
 * A write that ended as `outcome_unknown` (core's error kind): the provider may have done it. What
 * the caller called, with the error's `idempotencyKey`, is what the connector finds it by.
 */
export type UncertainOperation =
  | { operation: 'createPayment'; input: CreatePaymentInput; idempotencyKey: string }
  | { operation: 'capturePayment'; paymentId: string; idempotencyKey: string }
  | { operation: 'refundPayment'; paymentId: string; idempotencyKey: string };

/**
 * What the provider did: `happened` with the payment or refund it made, or not, in which case the
 * operation may be done again (under a new key). Settle an outcome only once the call's own
 * deadline has passed, so that no attempt of it is still on its way to the provider.
 */
export type OutcomeResolution = { happened: true; payment: Payment } | { happened: true; refund: Refund } | { happened: false };

/** A window of creation times, epoch milliseconds: `createdFrom` inclusive, `createdTo` exclusive; either end may be left open. */
export interface PaymentListFilter {
  createdFrom?: number;
  createdTo?: number;
}

/** A settlement period, epoch milliseconds: `from` inclusive, `to` exclusive. */
export interface SettlementPeriod {
  from: number;
  to: number;
}

/** One webhook delivery exactly as received: the body must be the raw bytes, never re-serialised JSON. */
export interface WebhookDelivery {
  rawBody: Buffer | string;
  headers: WebhookHeaders;
  /** Epoch milliseconds, from the caller's clock, for the scheme's replay window. */
  now: number;
}

/**
 * What every payments provider (Stripe, Razorpay, …) implements. Every member is required, so a
 * connector that lacks a capability fails to compile instead of failing at run time. Failures are
 * `IntegrationError`s from core (`business_rejected` for a decline, `conflict` for a reused
 * idempotency key with another payload, and so on).
 */
export interface PaymentsConnector {
  /** The provider's name as it appears in records and telemetry, e.g. `stripe`. */
  readonly provider: string;

  /**
   * Creates a payment. An idempotency key is always sent: the caller's, or one the connector makes
   * once and reuses on every retry, so a retried create never charges twice.
   */
  createPayment(input: CreatePaymentInput & IdempotentOptions): Promise<Payment>;

  /** Captures an authorised (`captureMethod: 'manual'`) payment, in full or in part. */
  capturePayment(id: string, options?: CaptureOptions): Promise<Payment>;

  /** Cancels a payment that has not succeeded yet (releases an authorisation). */
  cancelPayment(id: string, options?: IdempotentOptions): Promise<Payment>;

  /**
   * Reads one payment's current state from the provider; pollers use it when webhooks are lost.
   * An aborted `signal` ends the read at once with the signal's reason.
   */
  getPayment(id: string, options?: ReadOptions): Promise<Payment>;

  /**
   * Lists payments created in the window. The iterator reads to the last page: stopping early is
   * the caller's choice (break), never the connector's, since a truncated list is a bug.
   */
  listPayments(filter?: PaymentListFilter): AsyncIterable<Payment>;

  /** Refunds a payment, in full or (with `amount`) in part. */
  refundPayment(paymentId: string, options?: RefundOptions): Promise<Refund>;

  /**
   * Verifies a webhook delivery and turns it into canonical events. Verification comes first and
   * failure throws rather than returning a result, so no caller can forget to check it: an
   * `IntegrationError` of kind `auth` with reason `webhook_signature_invalid` (missing, forged or
   * outside the replay window), which ingress answers with 400. A verified event of a type the
   * connector does not act on comes back as type `unknown`, not as an error.
   */
  parseWebhook(delivery: WebhookDelivery): PaymentEvent[];

  /**
   * The events in a webhook body whose signature was already checked, by `parseWebhook` or by the
   * hub's ingress, which stores the body and applies it later, after any replay window has
   * passed. Never call it on a body nobody verified. `eventId` is the id the delivery was deduped
   * on (some providers send it in a header only).
   */
  eventsFromVerifiedBody(rawBody: string, eventId: string): PaymentEvent[];

  /** Reads the provider's settlement lines for the period, to the last page. */
  listSettlements(period: SettlementPeriod): AsyncIterable<SettlementLine>;

  /**
   * Settles an `outcome_unknown` by looking at the provider (the refunds of the payment, the
   * payment's state, the orders with the reference), never by doing the operation again. A lookup
   * that fails throws its transient error: settle it later. Optional while connectors adopt it; a
   * connector whose writes can end as `outcome_unknown` implements it.
   */
  resolveOutcome?(uncertain: UncertainOperation): Promise<OutcomeResolution>;
}
