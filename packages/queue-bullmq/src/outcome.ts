import type { EventSettlement } from '@interlock/core';
import { UnrecoverableError } from 'bullmq';
import type { EventJobResult } from './event-record.js';

/**
 * Thrown for an event to be retried: BullMQ then asks the worker's backoff strategy for the
 * delay, which answers with the one core's settlement decided, carried here.
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';

  constructor(
    reason: string,
    readonly delayMs: number,
  ) {
    super(reason);
  }
}

/**
 * Carries out an event's next state the way a BullMQ processor must: return a result (the job
 * completes) or throw (RetryLater: BullMQ retries; UnrecoverableError: straight to failed, our
 * dead letters). `now` is the time the settlement was decided at.
 */
export function jobResultFor(settlement: EventSettlement, now: number): EventJobResult {
  switch (settlement.status) {
    case 'applied':
      return { status: 'applied' };
    case 'discarded':
      return { status: 'discarded', reason: settlement.reason };
    case 'dead':
      throw new UnrecoverableError(settlement.reason);
    case 'queued':
      throw new RetryLater(settlement.reason, settlement.visibleAt - now);
  }
}
