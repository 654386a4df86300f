import { sortableId } from '@interlock/core';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

/**
 * A raw body as a provider sends it, with what a lossy store would mangle: accents, CJK, an
 * emoji (a surrogate pair in JavaScript), CRLF, tabs and trailing spaces, which a store that
 * re-encodes JSON would normalise away.
 */
export const UNICODE_PAYLOAD = '{\r\n\t"customer": "Müller GmbH",\r\n\t"city": "東京",\r\n\t"note": "naïve café — 🚚"\r\n}  ';

/** A W3C trace context as the hub's ingress stores it, with a vendor's `tracestate` beside it. */
export const TRACE_CONTEXT = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'acme=t61rcWkgMzE' };

/** Checks of `accept` and `get`: dedupe, exact storage, and durability across instances. */
export function acceptChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: "accept answers 'accepted', then 'duplicate' for the same provider and event id, keeping the first",
      run: () =>
        withQueue(create, async ({ queue, events, counts }) => {
          const first = events.next();
          await expect(queue.accept(first)).resolves.toBe('accepted');
          const again = { ...first, id: sortableId(), payload: '{"changed":true}' };
          await expect(queue.accept(again)).resolves.toBe('duplicate');
          expect((await queue.get(first.id))?.payload).toBe(first.payload);
          expect(await queue.get(again.id)).toBeUndefined();
          expect((await counts()).queued).toBe(1);
        }),
    },
    {
      name: 'the same event id from two providers is two events',
      run: () =>
        withQueue(create, async ({ queue, events, counts }) => {
          const fromAcme = events.next({ provider: 'acme', eventId: 'evt_shared' });
          const fromGlobex = events.next({ provider: 'globex', eventId: 'evt_shared' });
          await expect(queue.accept(fromAcme)).resolves.toBe('accepted');
          await expect(queue.accept(fromGlobex)).resolves.toBe('accepted');
          expect((await counts()).queued).toBe(2);
        }),
    },
    {
      name: 'get returns the event as accepted, queued with no attempts; an unknown id is undefined',
      run: () =>
        withQueue(create, async ({ queue, events }) => {
          const event = events.next({ occurredAt: Date.UTC(2025, 11, 31, 18, 30), correlationId: 'req_42', traceContext: TRACE_CONTEXT });
          await queue.accept(event);
          const stored = await queue.get(event.id);
          expect(stored).toMatchObject({ ...event, status: 'queued', attempts: 0 });
          expect(stored?.reason).toBeUndefined();
          expect(typeof stored?.updatedAt).toBe('number');
          const bare = events.next();
          await queue.accept(bare);
          const storedBare = await queue.get(bare.id);
          expect(storedBare?.occurredAt).toBeUndefined();
          expect(storedBare?.correlationId).toBeUndefined();
          expect(storedBare?.traceContext).toBeUndefined();
          expect(await queue.get(sortableId())).toBeUndefined();
        }),
    },
    {
      name: 'an accepted event is already visible to a second instance when accept resolves',
      run: () =>
        withQueue(create, async ({ harness, queue, events }) => {
          const event = events.next();
          await queue.accept(event);
          const other = await harness.reopen();
          expect((await other.get(event.id))?.status).toBe('queued');
          await expect(other.accept({ ...event, id: sortableId() })).resolves.toBe('duplicate');
        }),
    },
    {
      name: 'payload text round-trips exactly (UTF-8: "Müller GmbH", "東京")',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop }) => {
          const event = events.next({ payload: UNICODE_PAYLOAD, type: 'customer.updated — ü' });
          await queue.accept(event);
          const stored = await queue.get(event.id);
          expect(stored?.payload).toBe(UNICODE_PAYLOAD);
          expect(Buffer.from(stored?.payload ?? '', 'utf8').equals(Buffer.from(UNICODE_PAYLOAD, 'utf8'))).toBe(true);
          expect(stored?.type).toBe(event.type);
          expect((await (await harness.reopen()).get(event.id))?.payload).toBe(UNICODE_PAYLOAD);
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler);
          await time.eventually(() => expect(probe.deliveries).toHaveLength(1));
          expect(probe.deliveries[0]?.payload).toBe(UNICODE_PAYLOAD);
          await stop(consumer);
        }),
    },
  ];
}
