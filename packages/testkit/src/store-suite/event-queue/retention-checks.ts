import type { EventOutcome } from '@interlock/core';
import { expect } from 'vitest';
import type { EventQueueHarness, StoreCheck } from '../harness.js';
import { withQueue } from '../queue-session.js';

const HOUR = 60 * 60 * 1000;

/** Checks of `prune`: settled events older than the cutoff go; nothing that still needs work does. */
export function retentionChecks(create: () => Promise<EventQueueHarness>): StoreCheck[] {
  return [
    {
      name: 'prune forgets settled events received before the cutoff (payload and dedupe), and keeps queued, dead and recent ones',
      run: () =>
        withQueue(create, async ({ harness, queue, events, consume, stop, time, counts }) => {
          const old = harness.clock.now() - 72 * HOUR;
          const applied = events.next({ receivedAt: old });
          const discarded = events.next({ receivedAt: old });
          const dead = events.next({ receivedAt: old });
          const recent = events.next();
          for (const event of [applied, discarded, dead, recent]) await queue.accept(event);
          const outcomes = new Map<string, EventOutcome>([
            [applied.eventId, { status: 'applied' }],
            [discarded.eventId, { status: 'discarded', reason: 'duplicate' }],
            [dead.eventId, { status: 'dead', reason: 'uninterpretable payload' }],
            [recent.eventId, { status: 'applied' }],
          ]);
          const consumer = consume((event) => Promise.resolve(outcomes.get(event.eventId) ?? { status: 'applied' }));
          await time.eventually(async () => expect(await counts()).toMatchObject({ applied: 2, discarded: 1, dead: 1 }));
          await stop(consumer);
          const waiting = events.next({ receivedAt: old });
          await queue.accept(waiting);

          const forgotten = await queue.prune(harness.clock.now() - 24 * HOUR);
          const kept = [dead, recent, waiting];
          if (harness.expiresByTtl) {
            // This engine expires finished events itself, after the TTL it was opened with.
            expect(forgotten).toBe(0);
            kept.push(applied, discarded);
          } else {
            expect(forgotten).toBe(2);
            expect(await queue.get(applied.id)).toBeUndefined();
            expect(await queue.get(discarded.id)).toBeUndefined();
            // Forgotten means its dedupe record went too: a provider's much later resend is new again.
            await expect(queue.accept({ ...applied, receivedAt: harness.clock.now() })).resolves.toBe('accepted');
          }
          for (const event of kept) expect(await queue.get(event.id)).toBeDefined();
          await expect(queue.accept(dead)).resolves.toBe('duplicate');
          await expect(queue.accept(recent)).resolves.toBe('duplicate');
        }),
    },
  ];
}
