import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

/** Short enough for engines on a real clock, long enough to tell "after the lease" from "at once". */
export const LEASE_MS = 1_500;

/** Checks that nothing is lost when a consumer stops or its worker dies. */
export function leaseChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'a consumer stopped mid-way finishes what it holds and loses nothing',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          const accepted = Array.from({ length: 20 }, () => events.next());
          for (const event of accepted) await queue.accept(event);
          const first = new HandlerProbe(harness.clock, () => 'hold');
          const consumer = consume(first.handler, { concurrency: 2 });
          await time.eventually(() => expect(first.holding).toBe(2));
          const stopping = stop(consumer);
          first.release();
          await stopping;
          expect(await counts()).toEqual({ queued: 18, processing: 0, applied: 2, discarded: 0, dead: 0 });
          const second = new HandlerProbe(harness.clock);
          const next = consume(second.handler, { concurrency: 4 });
          await time.eventually(async () => expect((await counts()).applied).toBe(20));
          await stop(next);
          for (const event of accepted) expect(first.deliveriesOf(event.id) + second.deliveriesOf(event.id)).toBe(1);
        }),
    },
    {
      name: 'an event whose worker never finishes is handed out again after leaseMs, and the lost worker cannot overwrite the outcome',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          // The first worker takes the event and hangs, as a process that froze or died would.
          const lost = new HandlerProbe(harness.clock, () => 'hold');
          const frozen = consume(lost.handler, { concurrency: 1, leaseMs: LEASE_MS, workerId: 'worker:frozen' });
          await time.eventually(() => expect(lost.holding).toBe(1), { stepMs: 10 });
          const other = await harness.reopen();
          const rescuer = new HandlerProbe(harness.clock);
          const rescuing = consume(rescuer.handler, { concurrency: 1, leaseMs: LEASE_MS, workerId: 'worker:rescuer' }, other);
          await time.pass(LEASE_MS / 3);
          expect(rescuer.deliveries).toHaveLength(0);
          expect((await other.get(event.id))?.status).toBe('processing');
          await time.eventually(async () => expect((await other.get(event.id))?.status).toBe('applied'));
          expect(rescuer.deliveries[0]?.attempts).toBe(2);
          // The frozen worker wakes up long after its lease and reports another outcome: too late.
          lost.release({ status: 'discarded', reason: 'late' });
          await stop(frozen);
          await stop(rescuing);
          expect(await queue.get(event.id)).toMatchObject({ status: 'applied', attempts: 2 });
          expect((await queue.get(event.id))?.reason).toBeUndefined();
        }),
    },
  ];
}
