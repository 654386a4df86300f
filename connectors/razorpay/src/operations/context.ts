import type { Clock, RetryPolicy } from '@interlock/core';
import type { RazorpayClient } from '../client.js';

/** What every operation needs: the client, the clock, and the few policies the connector was given. */
export interface RazorpayContext {
  client: RazorpayClient;
  clock: Clock;
  /** Attempts and backoff between order creates (core's createOrFind defaults when absent). */
  createRetry?: RetryPolicy | undefined;
  webhookSecrets: readonly string[];
  webhookToleranceMs: number;
}

/** Payment ids (`pay_…`) address one payment attempt; every other id is taken as an order id (`order_…`). */
export function isPaymentAttemptId(id: string): boolean {
  return id.startsWith('pay_');
}
