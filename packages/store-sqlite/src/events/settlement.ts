import type { EventOutcome, EventStatus } from '@interlock/core';

/** What a handler's outcome does to its event's row. */
export interface Settlement {
  status: EventStatus;
  reason: string | null;
  /** When the event may be handed out again (retries); the settle time otherwise. */
  visibleAt: number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 5 * 60_000;

/** The queue's backoff when a retry names no delay: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function defaultRetryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Turns an outcome into the row's next state. `attempts` counts deliveries including this one,
 * so a retry on the `maxAttempts`-th delivery dead-letters the event with the retry's reason.
 */
export function settlementFor(outcome: EventOutcome, attempts: number, maxAttempts: number, now: number): Settlement {
  switch (outcome.status) {
    case 'applied':
      return { status: 'applied', reason: null, visibleAt: now };
    case 'discarded':
    case 'dead':
      return { status: outcome.status, reason: outcome.reason, visibleAt: now };
    case 'retry': {
      if (attempts >= maxAttempts) return { status: 'dead', reason: outcome.reason, visibleAt: now };
      const delay = outcome.retryInMs ?? defaultRetryDelayMs(attempts);
      return { status: 'queued', reason: outcome.reason, visibleAt: now + Math.max(0, delay) };
    }
    default:
      // Only reachable from untyped callers; treated as transient so nothing is silently lost.
      return settlementFor({ status: 'retry', reason: `handler returned an unknown outcome: ${JSON.stringify(outcome)}` }, attempts, maxAttempts, now);
  }
}

/** A thrown handler error as a transient failure, keeping its message for the dead letters. */
export function outcomeOfError(error: unknown): EventOutcome {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 'retry', reason: `handler threw ${message}` };
}
