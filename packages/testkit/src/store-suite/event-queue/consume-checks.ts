import type { ConsumeOptions, EventOutcome } from '@interlock/core';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';
import { TRACE_CONTEXT } from './accept-checks.js';

/** Options every engine must refuse when consume() is called, each with the option it names. */
const INVALID_OPTIONS: readonly [ConsumeOptions, string][] = [
  [{ concurrency: 0 }, 'concurrency'],
  [{ concurrency: 1.5 }, 'concurrency'],
  [{ maxAttempts: 0 }, 'maxAttempts'],
  [{ leaseMs: 0 }, 'leaseMs'],
  [{ ratePerSecond: -1 }, 'ratePerSecond'],
  [{ ratePerSecond: Number.NaN }, 'ratePerSecond'],
  [{ workerId: '' }, 'workerId'],
];

/** Checks of `consume`'s options, of its happy path, and of `counts`. */
export function consumeChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'consume refuses an invalid option with a RangeError naming it, and starts nothing',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, counts }) => {
          await queue.accept(events.next());
          const probe = new HandlerProbe(harness.clock);
          for (const [options, name] of INVALID_OPTIONS) {
            expect(() => consume(probe.handler, options), JSON.stringify(options)).toThrow(RangeError);
            expect(() => consume(probe.handler, options), JSON.stringify(options)).toThrow(name);
          }
          await time.pass(500);
          expect(probe.deliveries).toHaveLength(0);
          expect((await counts()).queued).toBe(1);
        }),
    },
    {
      name: 'the trace context an event was accepted with reaches its handler, so the worker continues the trace',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          const traced = events.next({ traceContext: TRACE_CONTEXT });
          const untraced = events.next();
          await queue.accept(traced);
          await queue.accept(untraced);
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await counts()).applied).toBe(2));
          await stop(consumer);
          expect(probe.deliveries.find((event) => event.id === traced.id)?.traceContext).toEqual(TRACE_CONTEXT);
          expect(probe.deliveries.find((event) => event.id === untraced.id)?.traceContext).toBeUndefined();
        }),
    },
    {
      name: 'consume hands each accepted event to the handler once, counting the delivery, and marks it applied',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          const accepted = Array.from({ length: 5 }, () => events.next());
          for (const event of accepted) await queue.accept(event);
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler, { concurrency: 2 });
          await time.eventually(async () => expect((await counts()).applied).toBe(5));
          await time.pass(1_000);
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(5);
          for (const event of accepted) {
            expect(probe.deliveriesOf(event.id)).toBe(1);
            expect((await queue.get(event.id))?.status).toBe('applied');
            expect((await queue.get(event.id))?.attempts).toBe(1);
          }
          // The handler sees the event as accepted, and this delivery counted as its first attempt.
          expect(probe.deliveries[0]).toMatchObject({ ...accepted.find((e) => e.id === probe.deliveries[0]?.id), attempts: 1 });
        }),
    },
    {
      name: 'events accepted while a consumer runs are picked up, oldest first with concurrency 1',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler, { concurrency: 1 });
          await time.pass(500);
          const accepted = [];
          for (let i = 0; i < 5; i++) {
            const event = events.next();
            accepted.push(event);
            await queue.accept(event);
          }
          await time.eventually(async () => expect((await counts()).applied).toBe(5));
          await stop(consumer);
          expect(probe.deliveries.map((e) => e.id)).toEqual(accepted.map((e) => e.id));
        }),
    },
    {
      name: 'a discarded event keeps its reason and is not handed out again',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, () => ({ status: 'discarded', reason: 'stale' }));
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('discarded'));
          await time.pass(1_000);
          await stop(consumer);
          expect((await queue.get(event.id))?.reason).toBe('stale');
          expect(probe.deliveries).toHaveLength(1);
        }),
    },
    {
      name: 'counts() reflects every status',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          expect(await counts()).toEqual({ queued: 0, processing: 0, applied: 0, discarded: 0, dead: 0 });
          const plan: (EventOutcome | 'hold')[] = [
            { status: 'applied' },
            { status: 'discarded', reason: 'backward_transition' },
            { status: 'dead', reason: 'no interpreter' },
            'hold',
            { status: 'applied' },
          ];
          const ids = new Map<string, EventOutcome | 'hold'>();
          for (const outcome of plan) {
            const event = events.next();
            ids.set(event.id, outcome);
            await queue.accept(event);
          }
          // Concurrency 1 keeps the last event queued behind the held one.
          const probe = new HandlerProbe(harness.clock, (event) => ids.get(event.id) ?? { status: 'applied' });
          const consumer = consume(probe.handler, { concurrency: 1, leaseMs: 60_000 });
          await time.eventually(() => expect(probe.holding).toBe(1));
          expect(await counts()).toEqual({ queued: 1, processing: 1, applied: 1, discarded: 1, dead: 1 });
          probe.release();
          await time.eventually(async () => expect(await counts()).toEqual({ queued: 0, processing: 0, applied: 3, discarded: 1, dead: 1 }));
          await stop(consumer);
        }),
    },
  ];
}
