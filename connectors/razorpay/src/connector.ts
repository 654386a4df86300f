import { systemClock, type Clock, type IdempotencyStore, type RetryPolicy, type TelemetrySink } from '@interlock/core';
import type { PaymentListFilter, PaymentsConnector, Refund, SettlementPeriod } from '@interlock/payments';
import { createRazorpayClient, type RazorpayClient } from './client.js';
import { resolveRateLimits, type RazorpayRateLimits } from './limits.js';
import type { RazorpayContext } from './operations/context.js';
import { cancelPayment, capturePayment, createPayment, getPayment, listPaymentAttempts, listPayments } from './operations/payments.js';
import { resolveOutcome } from './operations/outcomes.js';
import { getRefund, refundPayment } from './operations/refunds.js';
import { listSettlements, listSettlementTransfers } from './operations/settlements.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { RAZORPAY_BASE_URL, RAZORPAY_PROVIDER } from './provider.js';
import { webhookIntake } from './webhooks.js';
import type { WirePayment, WireSettlement } from './wire/index.js';

/** One Razorpay API key (Dashboard → Account & Settings → API Keys): a key id and its secret. */
export interface RazorpayKeyPair {
  keyId: string;
  keySecret: string;
}

/**
 * One key pair, or two while one is rotated: the first is used, and a 401 switches to the other
 * (Razorpay regenerates the id with the secret, so rotation is by whole pairs).
 */
export type RazorpayCredentials = RazorpayKeyPair | { keys: readonly RazorpayKeyPair[] };

export interface RazorpayConnectorOptions {
  /** Default `https://api.razorpay.com`; a simulator's URL in tests. */
  baseUrl?: string;
  credentials: RazorpayCredentials;
  /** Webhook secrets accepted; two while one is being rotated. */
  webhookSecrets: readonly string[];
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
  /** Client-side limits by endpoint (and `account`); Razorpay publishes none, so the defaults are assumptions (see limits.ts). */
  rateLimits?: Partial<RazorpayRateLimits>;
  /** Retry policy of every request (core's defaults: 3 attempts within 30 s). */
  retry?: RetryPolicy;
  /** Attempts and backoff between order creates, each preceded by a lookup by receipt. */
  createRetry?: RetryPolicy;
  /** How old a webhook event may be (by its signed `created_at`); default the intake's 25 hours. */
  webhookToleranceMs?: number;
  /**
   * Where refund idempotency keys, and the order creates sent under a caller's key, are remembered;
   * share one across processes to dedupe across them. Keep it durable (the hub's store): with it, an
   * order create looks its receipt up only when its key was sent before; without it, always.
   */
  idempotencyStore?: IdempotencyStore;
}

/** Razorpay-only reads beside the canonical ones. */
export interface RazorpayExtras {
  /** Payment attempts (`pay_…`) created in the window, as Razorpay sends them, to the last page. */
  listPaymentAttempts(filter?: PaymentListFilter): AsyncIterable<WirePayment>;
  /** One refund by its `rfnd_…` id; `paymentId` is the refunded `pay_…` id. */
  getRefund(refundId: string): Promise<Refund>;
  /** Razorpay's settlements (the transfers to the bank) created in the period. */
  listSettlementTransfers(period: SettlementPeriod): AsyncIterable<WireSettlement>;
  /** The underlying core client (limits, circuit states, unknown enum counts). */
  readonly client: RazorpayClient;
}

export type RazorpayConnector = PaymentsConnector & RazorpayExtras;

/**
 * The Razorpay connector. A canonical Payment is a Razorpay ORDER (`Payment.id` = `order_…`):
 * `createPayment` creates the order the customer pays through Checkout, and every other operation
 * reads or acts on the order's payment attempts. Wiring only: requests, retries, limits, breaker,
 * idempotency, telemetry and redaction are core's; what each operation does is in `operations/`.
 */
export function createRazorpayConnector(options: RazorpayConnectorOptions): RazorpayConnector {
  if (options.webhookSecrets.length === 0) throw new TypeError(`${RAZORPAY_PROVIDER} connector: at least one webhook secret is required`);
  const clock = options.clock ?? systemClock;
  const api = createRazorpayClient({
    baseUrl: options.baseUrl ?? RAZORPAY_BASE_URL,
    keys: 'keys' in options.credentials ? options.credentials.keys : [options.credentials],
    clock,
    limits: resolveRateLimits(options.rateLimits),
    fetch: options.fetch,
    telemetry: options.telemetry,
    retry: options.retry,
    idempotencyStore: options.idempotencyStore,
  });
  const ctx: RazorpayContext = {
    api,
    clock,
    createRetry: options.createRetry,
    idempotencyStore: options.idempotencyStore,
    webhookSecrets: [...options.webhookSecrets],
    webhooks: options.webhookToleranceMs === undefined ? webhookIntake : { ...webhookIntake, replayWindowMs: options.webhookToleranceMs },
  };
  return {
    provider: RAZORPAY_PROVIDER,
    client: api.client,
    createPayment: (input) => createPayment(ctx, input),
    capturePayment: (id, captureOptions) => capturePayment(ctx, id, captureOptions),
    cancelPayment: (id) => cancelPayment(ctx, id),
    getPayment: (id, options) => getPayment(ctx, id, options),
    listPayments: (filter) => listPayments(ctx, filter),
    refundPayment: (id, refundOptions) => refundPayment(ctx, id, refundOptions),
    resolveOutcome: (uncertain) => resolveOutcome(ctx, uncertain),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => eventsFromVerifiedBody(ctx, rawBody, eventId),
    listSettlements: (period) => listSettlements(ctx, period),
    listPaymentAttempts: (filter) => listPaymentAttempts(ctx, filter),
    getRefund: (refundId) => getRefund(ctx, refundId),
    listSettlementTransfers: (period) => listSettlementTransfers(ctx, period),
  };
}
