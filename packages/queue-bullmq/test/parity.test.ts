import { systemClock } from '@interlock/core';
import { runEventQueueSuite, type EventQueueHarness } from '@interlock/testkit/vitest';
import { openTestQueues } from './harness.js';
import { describeWithRedis } from './redis-service.js';

/**
 * The EventQueue parity suite every engine passes. BullMQ keeps time in Redis and on the wall
 * clock, so the harness runs on the real clock and the suite waits for real.
 */
async function createHarness(): Promise<EventQueueHarness> {
  const queues = await openTestQueues();
  return { queue: queues.queue, reopen: () => queues.reopen(), clock: systemClock, cleanup: () => queues.cleanup(), expiresByTtl: true };
}

describeWithRedis('parity', () => {
  runEventQueueSuite('bullmq', createHarness);
});
