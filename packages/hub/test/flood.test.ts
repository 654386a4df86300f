import { describe, expect, it } from 'vitest';
import type { StateMachine } from '@interlock/core';
import { seededRandom } from '@interlock/testkit';
import { drained, signedPost, testHub, TOY } from './support.js';
import { ticketMachine } from './toy/tickets-domain.js';
import type { ToyEvent } from './toy/toy-provider.js';

const TOTAL = 50_000;

const LIFECYCLES: readonly (readonly string[])[] = [
  ['open', 'in_progress', 'resolved'],
  ['open', 'in_progress', 'resolved', 'closed'],
  ['open', 'closed'],
  ['open', 'in_progress', 'closed'],
];

/** Ticket lifecycles as the provider's webhook events, a second apart per step. */
function lifecycleEvents(tickets: number, start: number): ToyEvent[] {
  const events: ToyEvent[] = [];
  for (let t = 0; t < tickets; t++) {
    (LIFECYCLES[t % LIFECYCLES.length] as readonly string[]).forEach((status, step) => {
      const at = new Date(start + step * 1_000).toISOString();
      events.push({ id: `evt_${t}_${step}`, type: `ticket.${status}`, at, ticket: { id: `T${t}`, status, updated_at: at, fee: 100 + t } });
    });
  }
  return events;
}

describe('flood: 50,000 signed webhooks, 10% duplicates, 5% out of order', () => {
  it('applies every unique event once, acknowledges duplicates, never moves a record backwards, loses nothing', { timeout: 600_000 }, async () => {
    const { hub, cleanup } = await testHub({ workers: { concurrency: 16, maxAttempts: 5 } }, false);
    try {
      const random = seededRandom(2026);
      // Lifecycles until the deliveries (uniques + duplicates) reach the total.
      const unique = lifecycleEvents(16_400, Date.now()).slice(0, Math.round(TOTAL / 1.1));
      const deliveries = unique.flatMap((event) => (random() < 0.1 ? [event, event] : [event]));
      for (let i = 0; i + 1 < deliveries.length; i++) {
        if (random() < 0.05) {
          [deliveries[i], deliveries[i + 1]] = [deliveries[i + 1]!, deliveries[i]!];
          i++;
        }
      }
      while (deliveries.length < TOTAL) deliveries.push(unique[deliveries.length % unique.length]!);
      deliveries.length = TOTAL;

      const url = `${hub.url}/webhooks/${TOY}`;
      const results: string[] = new Array<string>(TOTAL);
      let next = 0;
      const sender = async (): Promise<void> => {
        while (next < TOTAL) {
          const index = next++;
          const response = await signedPost(url, deliveries[index]!);
          results[index] = `${response.status} ${response.body}`;
        }
      };
      await Promise.all(Array.from({ length: 48 }, sender));

      const uniqueIds = new Set(deliveries.map((d) => d.id));
      expect(results.filter((r) => r === '200 {"status":"accepted"}')).toHaveLength(uniqueIds.size);
      expect(results.filter((r) => r === '200 {"status":"duplicate"}')).toHaveLength(TOTAL - uniqueIds.size);
      // Every 200 was sent before any processing: the workers have not started yet.
      expect(await hub.queue.counts()).toMatchObject({ queued: uniqueIds.size, applied: 0, discarded: 0 });

      hub.startWorkers();
      await drained(hub);
      const counts = await hub.queue.counts();
      expect(counts.applied + counts.discarded).toBe(uniqueIds.size);
      expect(counts.dead).toBe(0);

      // Each unique event was decided exactly once, and applied states only ever moved forward.
      const audit = await hub.integrity.listAudit({ provider: TOY, limit: 1_000_000 });
      const perEvent = new Map<string, number>();
      for (const entry of audit) perEvent.set(entry.eventId!, (perEvent.get(entry.eventId!) ?? 0) + 1);
      expect(perEvent.size).toBe(uniqueIds.size);
      expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
      // The audit trail keeps insertion order: the order records were written in.
      const applied = audit.filter((entry) => entry.outcome === 'applied');
      const lastStatus = new Map<string, string>();
      for (const entry of applied) {
        const [from, to] = entry.detail!.split(' -> ') as [string, string];
        const previous = lastStatus.get(entry.recordId!);
        expect(from).toBe(previous ?? '-');
        if (previous !== undefined && previous !== to) expect((ticketMachine as StateMachine<string>).canTransition(previous, to)).toBe(true);
        lastStatus.set(entry.recordId!, to);
      }
      expect(applied.length).toBe(counts.applied);
      // Nothing was lost: every ticket ends in the last state of its lifecycle.
      const expectedFinal = new Map<string, string>();
      for (const event of unique) expectedFinal.set(event.ticket.id, event.ticket.status);
      for (const [recordId, status] of expectedFinal) {
        expect((await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId }))?.status).toBe(status);
      }
    } finally {
      await cleanup();
    }
  });
});
