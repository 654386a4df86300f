import type { ConsumeOptions, Consumer, EventHandler, EventQueue, EventStatus } from '@interlock/core';
import type { EventQueueHarness } from './harness.js';
import { eventFactory, type EventFactory } from './sample-events.js';
import { timeDriver, type TimeDriver } from './time-driver.js';

/** Everything one event queue check works with; consumers it starts are stopped when it ends. Its functions may be destructured. */
export interface QueueSession {
  harness: EventQueueHarness;
  queue: EventQueue;
  time: TimeDriver;
  events: EventFactory;
  /** `queue.consume`, remembered so the session can stop it if the check does not. */
  consume: (handler: EventHandler, options?: ConsumeOptions, queue?: EventQueue) => Consumer;
  /** Stops a consumer, letting time go by while it finishes what it holds. */
  stop: (consumer: Consumer) => Promise<void>;
  /** `queue.counts()` as a plain object, for `toEqual`. */
  counts: (queue?: EventQueue) => Promise<Record<EventStatus, number>>;
}

/** Runs `body` on a fresh harness and always cleans up, stopping forgotten consumers first. */
export async function withQueue(create: () => Promise<EventQueueHarness>, body: (session: QueueSession) => Promise<void>): Promise<void> {
  const harness = await create();
  const time = timeDriver(harness.clock);
  const running = new Set<Consumer>();
  const session: QueueSession = {
    harness,
    queue: harness.queue,
    time,
    events: eventFactory(harness.clock),
    consume(handler, options, queue = harness.queue) {
      const consumer = queue.consume(handler, options);
      running.add(consumer);
      return consumer;
    },
    async stop(consumer) {
      running.delete(consumer);
      await time.settle(consumer.stop());
    },
    async counts(queue = harness.queue) {
      return { ...(await queue.counts()) };
    },
  };
  try {
    await body(session);
  } finally {
    // A check that failed may leave a consumer holding work: give up on it quickly.
    for (const consumer of running) await time.settle(consumer.stop(), 2_000).catch(() => undefined);
    await harness.cleanup();
  }
}
