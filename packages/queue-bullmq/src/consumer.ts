import { handlerOutcome, nextEventState, type Clock, type Consumer, type EventHandler } from '@interlock/core';
import { Worker, type ConnectionOptions } from 'bullmq';
import type { BullmqConsumeSettings } from './consume-settings.js';
import { toStoredEvent, type EventJob, type EventJobData, type EventJobResult } from './event-record.js';
import { jobResultFor, RetryLater } from './outcome.js';

/** What a consumer shares with the queue that started it. */
export interface ConsumerContext {
  queueName: string;
  prefix: string;
  connection: ConnectionOptions;
  clock: Clock;
  /** Notes a job as discarded just before it completes, for counts(). */
  noteDiscarded(jobId: string): Promise<void>;
  onError(error: unknown): void;
}

/** A running consumer: the Consumer contract, plus the hard stop the queue's close() uses. */
export interface BullmqConsumer extends Consumer {
  /** Stops at once; events in hand are handed out again after their lease, as after a crash. */
  abandon(): Promise<void>;
}

/**
 * Starts a BullMQ worker that hands jobs to `handler`:
 * - `concurrency` is the worker's; `ratePerSecond` its limiter (BullMQ keeps the limiter in
 *   Redis, so it caps the queue as a whole, across every worker on every machine);
 * - the lease is the job lock (`lockDuration`), and it is NOT renewed while the handler runs:
 *   like the SQL engines' leases it is a fixed window. BullMQ's renewal would keep a hung
 *   handler's event locked for as long as its process lives; without it, once the lease is over
 *   the stalled-job check of any live worker puts the job back, and the late handler's result is
 *   refused by BullMQ (its lock is gone), so it cannot overwrite the new delivery's outcome;
 * - the outcome's next state is core's, as in every engine: `queued` throws RetryLater (BullMQ
 *   waits the delay core chose, then hands it out again), `dead` throws UnrecoverableError
 *   (failed: our dead letters), `applied` and `discarded` complete the job with the outcome as
 *   its return value.
 */
export function startConsumer(context: ConsumerContext, handler: EventHandler, settings: BullmqConsumeSettings): BullmqConsumer {
  const processor = async (job: EventJob): Promise<EventJobResult> => {
    const outcome = await handlerOutcome(handler, toStoredEvent(job, 'processing'));
    const now = context.clock.now();
    // attemptsStarted already counts this delivery: BullMQ raises it as it hands the job out.
    const result = jobResultFor(nextEventState(outcome, job.attemptsStarted, settings.maxAttempts, now, settings.backoff), now);
    if (result.status === 'discarded' && job.id !== undefined) await context.noteDiscarded(job.id);
    return result;
  };

  const worker = new Worker<EventJobData, EventJobResult | null>(context.queueName, processor, {
    connection: context.connection,
    prefix: context.prefix,
    name: settings.workerId,
    concurrency: settings.concurrency,
    ...(settings.limiter ? { limiter: settings.limiter } : {}),
    lockDuration: settings.leaseMs,
    skipLockRenewal: true,
    stalledInterval: settings.stalledIntervalMs,
    // A poison event (one whose handler hangs or kills its worker every time) is dead-lettered
    // after maxAttempts expired leases, like one that fails: BullMQ fails a job on the stall
    // after the `maxStalledCount`th, without handing it out again.
    maxStalledCount: settings.maxAttempts - 1,
    settings: {
      // Any other error is this adapter's own (Redis failing under noteDiscarded): retried on the events' backoff.
      backoffStrategy: (retry: number, _type?: string, error?: Error) => (error instanceof RetryLater ? error.delayMs : settings.backoff(retry)),
    },
  });
  // An EventEmitter without an 'error' listener throws; Redis hiccups are reported instead.
  worker.on('error', (error) => context.onError(error));

  // stop() pauses first (no new jobs; resolves once the jobs in hand are finished and recorded),
  // then closes without waiting again. Unlike a graceful worker.close(), a pause leaves the
  // forced close free for abandon(), so the queue's close() cannot hang on a stuck handler even
  // while a stop() is waiting for it.
  let stopping: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  const forceClose = (): Promise<void> => (closing ??= worker.close(true));
  return {
    stop() {
      stopping ??= worker.pause().then(forceClose);
      return stopping;
    },
    abandon: forceClose,
  };
}
