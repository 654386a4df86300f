import type { Clock, RetryPolicy, WebhookIntake } from '@interlock/core';
import type { RazorpayApi } from '../client.js';

/** What every operation needs: the api, the clock, and the few policies the connector was given. */
export interface RazorpayContext {
  api: RazorpayApi;
  clock: Clock;
  /** Attempts and backoff between order creates (core's createOrFind defaults when absent). */
  createRetry?: RetryPolicy | undefined;
  webhookSecrets: readonly string[];
  /** The descriptor's webhook intake with the replay window this connector was given. */
  webhooks: WebhookIntake;
}

/** Payment ids (`pay_…`) address one payment attempt; every other id is taken as an order id (`order_…`). */
export function isPaymentAttemptId(id: string): boolean {
  return id.startsWith('pay_');
}
