import { maxInAnyWindow } from '@interlock/core/testing';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

/** Checks of the consumer's concurrency cap and start rate. */
export function flowControlChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'no more than `concurrency` events are in the handler at once, and the cap is used',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          for (let i = 0; i < 10; i++) await queue.accept(events.next());
          const probe = new HandlerProbe(harness.clock, () => 'hold');
          const consumer = consume(probe.handler, { concurrency: 3 });
          await time.eventually(() => expect(probe.holding).toBe(3));
          await time.pass(1_000);
          expect(probe.deliveries).toHaveLength(3);
          await time.eventually(async () => {
            probe.release();
            expect((await counts()).applied).toBe(10);
          });
          await stop(consumer);
          expect(probe.maxInFlight).toBe(3);
          expect(probe.deliveries).toHaveLength(10);
        }),
    },
    {
      name: 'no more than `ratePerSecond` events start in any second (asserted on a fake clock only)',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          for (let i = 0; i < 12; i++) await queue.accept(events.next());
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler, { concurrency: 10, ratePerSecond: 4 });
          await time.eventually(async () => expect((await counts()).applied).toBe(12), { withinMs: 15_000 });
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(12);
          // On a real clock, handler start times measure the machine as much as the queue.
          if (time.fake) expect(maxInAnyWindow(probe.starts, 1_000)).toBeLessThanOrEqual(4);
        }),
    },
  ];
}
