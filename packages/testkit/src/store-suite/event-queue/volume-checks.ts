import { sortableId, type InboundEvent } from '@interlock/core';
import { expect } from 'vitest';
import { seededRandom } from '../../simulator/random.js';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { HandlerProbe } from '../handler-probe.js';
import { withQueue } from '../queue-session.js';

/** Checks under load: concurrent accepts with duplicates, drained exactly once. */
export function volumeChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: '1,000 events with 10% duplicates accepted concurrently: exactly 900 applied, none twice',
      run: () =>
        withQueue(create, async ({ harness, queue, events, time, consume, stop, counts }) => {
          const random = seededRandom(1_000);
          const unique = Array.from({ length: 900 }, () => events.next());
          // A duplicate is a redelivery: same provider and event id, a new id of ours.
          const copies: InboundEvent[] = Array.from({ length: 100 }, () => ({ ...(unique[Math.floor(random() * unique.length)] as InboundEvent), id: sortableId() }));
          const all = [...unique, ...copies];
          for (let i = all.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [all[i], all[j]] = [all[j] as InboundEvent, all[i] as InboundEvent];
          }
          const answers = await Promise.all(all.map((event) => queue.accept(event)));
          expect(answers.filter((a) => a === 'accepted')).toHaveLength(900);
          expect(answers.filter((a) => a === 'duplicate')).toHaveLength(100);
          const probe = new HandlerProbe(harness.clock);
          const consumer = consume(probe.handler, { concurrency: 8 });
          await time.eventually(async () => expect((await counts()).applied).toBe(900), { withinMs: 120_000 });
          await stop(consumer);
          expect(probe.deliveries).toHaveLength(900);
          expect(new Set(probe.deliveries.map((e) => `${e.provider}/${e.eventId}`)).size).toBe(900);
          expect(await counts()).toEqual({ queued: 0, processing: 0, applied: 900, discarded: 0, dead: 0 });
        }),
    },
  ];
}
