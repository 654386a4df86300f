import type { Clock, IdempotencyStore, RetryPolicy, WebhookIntake } from '@interlock/core';
import type { RazorpayApi } from '../client.js';

/** What every operation needs: the api, the clock, and the few policies the connector was given. */
export interface RazorpayContext {
  api: RazorpayApi;
  clock: Clock;
  /** Attempts and backoff between order creates (core's createOrFind defaults when absent). */
  createRetry?: RetryPolicy | undefined;
  /**
   * The connector's idempotency store, which must outlive the process: with it, an order create
   * under the caller's key looks its receipt up only when a create under that key was sent before;
   * without it, every such create looks first, since nothing in memory survives a restart.
   */
  idempotencyStore?: IdempotencyStore | undefined;
  webhookSecrets: readonly string[];
  /** The descriptor's webhook intake with the replay window this connector was given. */
  webhooks: WebhookIntake;
}

/** Payment ids (`pay_…`) address one payment attempt; every other id is taken as an order id (`order_…`). */
export function isPaymentAttemptId(id: string): boolean {
  return id.startsWith('pay_');
}
