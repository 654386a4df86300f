import { sortableId, type EventOutcome } from '@interlock/core';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

/** Short enough for engines on a real clock, long enough to tell "later" from "at once". */
export const RETRY_MS = 600;

/** Checks of transient and permanent failures: retries, attempts, dead letters, replay and reject. */
export function failureChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'a retry outcome is handed out again after retryInMs, not before, and attempts count every delivery',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, (_event, delivery) =>
            delivery < 3 ? { status: 'retry', reason: `provider 503 (delivery ${delivery})`, retryInMs: RETRY_MS } : { status: 'applied' },
          );
          const consumer = consume(probe.handler, { maxAttempts: 5 });
          // Delivered once and back in the queue, waiting out its delay.
          await time.eventually(
            async () => {
              expect(probe.deliveries).toHaveLength(1);
              expect((await queue.get(event.id))?.status).toBe('queued');
            },
            { stepMs: 10 },
          );
          await time.pass(RETRY_MS / 3);
          expect(probe.deliveries).toHaveLength(1);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('applied'));
          await stop(consumer);
          expect(probe.deliveries.map((e) => e.attempts)).toEqual([1, 2, 3]);
          expect((await queue.get(event.id))?.attempts).toBe(3);
        }),
    },
    {
      name: "a retry without retryInMs is handed out again on the queue's own backoff (first retry within 8 s)",
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, (_event, delivery) => (delivery === 1 ? { status: 'retry', reason: 'timeout' } : { status: 'applied' }));
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('applied'), { withinMs: 8_000, stepMs: 100 });
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(2);
        }),
    },
    {
      name: 'after maxAttempts transient failures the event is dead, with the last reason, and listDead shows it',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next({ provider: 'acme' });
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, (_event, delivery) => ({ status: 'retry', reason: `provider 503 (delivery ${delivery})`, retryInMs: 100 }));
          const consumer = consume(probe.handler, { maxAttempts: 3 });
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'));
          await time.pass(1_000);
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(3);
          const dead = await queue.get(event.id);
          expect(dead).toMatchObject({ status: 'dead', attempts: 3, reason: 'provider 503 (delivery 3)' });
          expect((await queue.listDead()).map((e) => e.id)).toEqual([event.id]);
          expect(await queue.listDead({ provider: 'globex' })).toEqual([]);
        }),
    },
    {
      name: 'without maxAttempts an event that keeps failing is dead after 5 deliveries',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, (_event, delivery) => ({ status: 'retry', reason: `timeout #${delivery}`, retryInMs: 100 }));
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'));
          await time.pass(1_000);
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(5);
          expect(await queue.get(event.id)).toMatchObject({ status: 'dead', attempts: 5, reason: 'timeout #5' });
        }),
    },
    {
      name: 'an outcome the contract does not know is retried on the backoff, then dead with a reason that says so',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          // What an untyped handler may return: a misspelt status.
          const probe = new HandlerProbe(harness.clock, () => ({ status: 'aplied' }) as unknown as EventOutcome);
          const consumer = consume(probe.handler, { maxAttempts: 2 });
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'), { stepMs: 100 });
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(2);
          expect((await queue.get(event.id))?.reason).toContain('unknown outcome');
        }),
    },
    {
      name: 'a handler that throws is a transient failure carrying the error message',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, () => {
            throw new Error('socket hang up');
          });
          const consumer = consume(probe.handler, { maxAttempts: 2 });
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'), { withinMs: 30_000, stepMs: 200 });
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(2);
          expect((await queue.get(event.id))?.reason).toContain('socket hang up');
        }),
    },
    {
      name: "a 'dead' outcome goes straight to the dead letters",
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, () => ({ status: 'dead', reason: 'uninterpretable payload' }));
          const consumer = consume(probe.handler, { maxAttempts: 5 });
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'));
          await time.pass(1_000);
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(1);
          expect(await queue.get(event.id)).toMatchObject({ attempts: 1, reason: 'uninterpretable payload' });
          expect((await queue.listDead()).map((e) => e.reason)).toEqual(['uninterpretable payload']);
        }),
    },
    {
      name: 'listDead filters by provider and honours limit',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const acme = [events.next({ provider: 'acme' }), events.next({ provider: 'acme' }), events.next({ provider: 'acme' })];
          const globex = events.next({ provider: 'globex' });
          for (const event of [...acme, globex]) await queue.accept(event);
          const probe = new HandlerProbe(harness.clock, () => ({ status: 'dead', reason: 'bad' }));
          const consumer = consume(probe.handler, { concurrency: 4 });
          await time.eventually(async () => expect((await queue.counts()).dead).toBe(4));
          await stop(consumer);
          expect(new Set((await queue.listDead({ provider: 'acme' })).map((e) => e.id))).toEqual(new Set(acme.map((e) => e.id)));
          expect((await queue.listDead({ provider: 'globex' })).map((e) => e.id)).toEqual([globex.id]);
          expect(await queue.listDead({ limit: 2 })).toHaveLength(2);
          expect(await queue.listDead({ provider: 'acme', limit: 1 })).toHaveLength(1);
        }),
    },
    {
      name: 'replay puts a dead event back with its attempts reset, and it is applied',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next();
          await queue.accept(event);
          let broken = true;
          const probe = new HandlerProbe(harness.clock, () => (broken ? { status: 'dead', reason: 'mapping bug' } : { status: 'applied' }));
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('dead'));
          expect(await queue.replay(sortableId())).toBe(false);
          broken = false;
          expect(await queue.replay(event.id)).toBe(true);
          await time.eventually(async () => expect((await queue.get(event.id))?.status).toBe('applied'));
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(2);
          expect(probe.deliveries[1]?.attempts).toBe(1);
          expect((await queue.get(event.id))?.attempts).toBe(1);
          expect(await queue.listDead()).toEqual([]);
          // Only a dead event can be replayed.
          expect(await queue.replay(event.id)).toBe(false);
        }),
    },
    {
      name: "reject marks a dead event discarded with reason 'rejected: …' and is refused for any other status",
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const doomed = events.next();
          await queue.accept(doomed);
          const probe = new HandlerProbe(harness.clock, () => ({ status: 'dead', reason: 'bad signature version' }));
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(doomed.id))?.status).toBe('dead'));
          await stop(consumer);
          const waiting = events.next();
          await queue.accept(waiting);
          expect(await queue.reject(waiting.id, 'not dead')).toBe(false);
          expect(await queue.reject(sortableId(), 'unknown')).toBe(false);
          expect(await queue.reject(doomed.id, 'duplicate of evt_9 (Müller GmbH)')).toBe(true);
          expect(await queue.get(doomed.id)).toMatchObject({ status: 'discarded', reason: 'rejected: duplicate of evt_9 (Müller GmbH)' });
          expect(await queue.listDead()).toEqual([]);
          expect(await queue.reject(doomed.id, 'again')).toBe(false);
          expect(await queue.replay(doomed.id)).toBe(false);
          expect((await queue.get(waiting.id))?.status).toBe('queued');
        }),
    },
  ];
}
