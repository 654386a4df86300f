import { sortableId, type EventOutcome, type InboundEvent, type StoredEvent } from '@interlock/core';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

const ids = (events: readonly StoredEvent[]): string[] => events.map((event) => event.id);

/** Checks of what support works with: listing events by what went wrong, and correcting a dead letter's payload. */
export function supportChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'list is newest first across statuses, filters by provider, status, event id, reason and receipt time, and pages after a cursor',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const base = harness.clock.now() - 60_000;
          const at = (offset: number, overrides: Partial<InboundEvent>): InboundEvent => events.next({ receivedAt: base + offset, id: sortableId(base + offset), ...overrides });
          // Received out of order, two in the same millisecond (the id breaks the tie).
          const applied = at(1_000, { provider: 'acme' });
          const unavailable = at(3_000, { provider: 'acme' });
          const invalid = at(2_000, { provider: 'globex' });
          const stale = at(4_000, { provider: 'globex' });
          const sameMs = at(4_000, { provider: 'acme' });
          const all = [applied, unavailable, invalid, stale, sameMs];
          for (const event of all) await queue.accept(event);
          const outcomes = new Map<string, EventOutcome>([
            [unavailable.id, { status: 'dead', reason: 'unavailable: http_503' }],
            [invalid.id, { status: 'dead', reason: 'invalid: amount is not a number' }],
            [stale.id, { status: 'discarded', reason: 'stale' }],
          ]);
          const probe = new HandlerProbe(harness.clock, (event) => outcomes.get(event.id) ?? { status: 'applied' });
          const consumer = consume(probe.handler, { concurrency: 5 });
          await time.eventually(async () => expect((await queue.counts()).applied).toBe(2));
          await time.eventually(async () => expect((await queue.counts()).dead).toBe(2));
          await time.eventually(async () => expect((await queue.counts()).discarded).toBe(1));
          await stop(consumer);

          const newest = [...all].sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? 1 : -1)).map((event) => event.id);
          expect(ids(await queue.list())).toEqual(newest);
          expect(ids(await queue.list({ provider: 'acme' }))).toEqual([sameMs.id, unavailable.id, applied.id]);
          expect(ids(await queue.list({ status: 'dead' }))).toEqual([unavailable.id, invalid.id]);
          expect(ids(await queue.list({ status: 'dead', provider: 'globex' }))).toEqual([invalid.id]);
          expect(ids(await queue.list({ reasonPrefix: 'unavailable' }))).toEqual([unavailable.id]);
          expect(ids(await queue.list({ reasonPrefix: 'stale' }))).toEqual([stale.id]);
          expect(ids(await queue.list({ eventId: invalid.eventId, provider: 'globex' }))).toEqual([invalid.id]);
          expect(await queue.list({ eventId: invalid.eventId, provider: 'acme' })).toEqual([]);
          expect(ids(await queue.list({ receivedFrom: base + 2_000, receivedTo: base + 4_000 }))).toEqual([unavailable.id, invalid.id]);
          expect((await queue.list({ eventId: unavailable.eventId }))[0]).toMatchObject({ status: 'dead', reason: 'unavailable: http_503', payload: unavailable.payload });

          // Pages of two, each continuing after the last event of the one before, meet every event once.
          const pages: string[][] = [];
          let after: StoredEvent | undefined;
          for (let page = 0; page < 4; page++) {
            const found = await queue.list({ limit: 2, ...(after ? { after: { receivedAt: after.receivedAt, id: after.id } } : {}) });
            pages.push(ids(found));
            after = found.at(-1);
            if (!after) break;
          }
          expect(pages).toEqual([newest.slice(0, 2), newest.slice(2, 4), newest.slice(4), []]);
        }),
    },
    {
      name: "correct replaces a dead event's payload only while it is dead, and a replay hands the corrected payload to the handler",
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const broken = events.next({ payload: JSON.stringify({ id: 'evt_broken', amount: 'twelve' }) });
          await queue.accept(broken);
          const fixed = JSON.stringify({ id: 'evt_broken', amount: 1200 });
          const probe = new HandlerProbe(harness.clock, (event) =>
            event.payload.includes('twelve') ? { status: 'dead', reason: 'invalid: amount is not a number' } : { status: 'applied' },
          );
          const consumer = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(broken.id))?.status).toBe('dead'));
          await stop(consumer);
          const waiting = events.next();
          await queue.accept(waiting);
          expect(await queue.correct(waiting.id, fixed)).toBe(false);
          expect((await queue.get(waiting.id))?.payload).toBe(waiting.payload);
          expect(await queue.correct(sortableId(), fixed)).toBe(false);

          expect(await queue.correct(broken.id, fixed)).toBe(true);
          // Still dead, with its reason, until someone replays it.
          expect(await queue.get(broken.id)).toMatchObject({ status: 'dead', payload: fixed, reason: 'invalid: amount is not a number' });
          expect((await queue.listDead()).map((event) => event.payload)).toEqual([fixed]);
          expect(await queue.replay(broken.id)).toBe(true);
          const again = consume(probe.handler);
          await time.eventually(async () => expect((await queue.get(broken.id))?.status).toBe('applied'));
          await stop(again);
          expect(probe.deliveries.filter((event) => event.id === broken.id).map((event) => event.payload)).toEqual([broken.payload, fixed]);
          expect(await queue.correct(broken.id, broken.payload)).toBe(false);
          expect((await queue.get(broken.id))?.payload).toBe(fixed);
        }),
    },
  ];
}
