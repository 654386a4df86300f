import { backoffDelay, type EventOutcome, type EventStatus } from '@interlock/core';

/** What a handler's outcome turns the event into. */
export interface Settlement {
  status: EventStatus;
  reason: string | undefined;
  /** When a retried event may be claimed again; irrelevant for final states. */
  visibleAt: number;
}

/**
 * Waits between transient failures when the handler names none: 1 s, 2 s, 4 s… up to a minute,
 * with equal jitter so that a burst of events failing together does not retry in lockstep.
 */
export function defaultRetryDelay(attempt: number): number {
  return backoffDelay(Math.max(1, attempt), { baseMs: 1_000, factor: 2, capMs: 60_000, jitter: 'equal' });
}

/**
 * Decides an event's next state from its handler's outcome. `attempts` already counts the run
 * that produced the outcome, so a transient failure on the last allowed attempt dead-letters.
 */
export function settle(
  outcome: EventOutcome,
  attempts: number,
  maxAttempts: number,
  now: number,
  retryDelay: (attempt: number) => number = defaultRetryDelay,
): Settlement {
  switch (outcome.status) {
    case 'applied':
      return { status: 'applied', reason: undefined, visibleAt: now };
    case 'discarded':
    case 'dead':
      return { status: outcome.status, reason: outcome.reason, visibleAt: now };
    case 'retry': {
      if (attempts >= maxAttempts) return { status: 'dead', reason: outcome.reason, visibleAt: now };
      const delay = outcome.retryInMs ?? retryDelay(attempts);
      return { status: 'queued', reason: outcome.reason, visibleAt: now + Math.max(0, delay) };
    }
  }
}
