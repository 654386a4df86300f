import type { EventOutcome } from '@interlock/core';
import { UnrecoverableError } from 'bullmq';
import type { EventJobResult } from './event-record.js';

/**
 * Thrown for a transient failure with attempts left: BullMQ retries the job, asking the worker's
 * backoff strategy for the delay, which reads the handler's `retryInMs` from here.
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';

  constructor(
    reason: string,
    /** The handler's own delay, when it gave one. */
    readonly retryInMs: number | undefined,
  ) {
    super(reason);
  }
}

/**
 * Turns a handler's outcome into what a BullMQ processor does: return a result (the job
 * completes) or throw (RetryLater: BullMQ retries; UnrecoverableError: straight to failed, our
 * dead letters). `attempt` counts this delivery, so `attempt >= maxAttempts` is the last one.
 */
export function settleOutcome(outcome: EventOutcome, attempt: number, maxAttempts: number): EventJobResult {
  switch (outcome.status) {
    case 'applied':
      return { status: 'applied' };
    case 'discarded':
      return { status: 'discarded', reason: outcome.reason };
    case 'dead':
      throw new UnrecoverableError(outcome.reason);
    case 'retry':
      if (attempt >= maxAttempts) throw new UnrecoverableError(outcome.reason);
      throw new RetryLater(outcome.reason, outcome.retryInMs);
  }
}

/** A handler that throws is a transient failure like any other: retried, then dead-lettered. */
export function outcomeOfError(error: unknown): EventOutcome {
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return { status: 'retry', reason };
}
