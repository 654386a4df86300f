import type { EventOutcome, StoredEvent } from '@interlock/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PostgresStore } from '../src/index.js';
import { postgresService } from './support/postgres-service.js';
import { sampleEvent } from './support/sample-event.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

const EVENTS = 300;

describe.skipIf(service.skip)('two hub instances on one schema (PostgreSQL, real clock)', () => {
  beforeAll(() => service.requireReachable());
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('share the queue: every event is applied exactly once, and both do some of the work', async () => {
    db = new TestDatabase();
    // Two stores on two pools: as two hub processes would be. A real clock and a short idle poll,
    // since each instance learns of the other's accepts only by polling.
    const instances = [await db.open({ idlePollMs: 10 }), await db.open({ idlePollMs: 10 })] as const;
    // Keyed by the provider's event id: of a redelivered pair, either copy may have been the one accepted.
    const appliedBy = new Map<string, string[]>();
    const apply = (store: PostgresStore, name: string) => async (event: StoredEvent): Promise<EventOutcome> => {
      appliedBy.set(event.eventId, [...(appliedBy.get(event.eventId) ?? []), name]);
      // The side effect lands in the shared database, as the hub's applier's does.
      await store.integrity.appendAudit({ at: Date.now(), actor: `worker:${name}`, action: 'apply', provider: event.provider, eventId: event.eventId, outcome: 'applied' });
      return { status: 'applied' };
    };
    const consumers = instances.map((store, i) => store.events.consume(apply(store, `hub-${i + 1}`), { concurrency: 4, workerId: `hub-${i + 1}` }));

    // Webhooks arrive at both instances, some of them twice (a provider redelivering).
    const events = Array.from({ length: EVENTS }, () => sampleEvent(Date.now()));
    const answers = await Promise.all(
      events.flatMap((event, i) => {
        const first = instances[i % 2] as PostgresStore;
        const again = instances[(i + 1) % 2] as PostgresStore;
        return i % 10 === 0 ? [first.events.accept(event), again.events.accept({ ...event, id: `${event.id}-redelivery` })] : [first.events.accept(event)];
      }),
    );
    expect(answers.filter((answer) => answer === 'accepted')).toHaveLength(EVENTS);

    await expect.poll(async () => (await instances[0].events.counts()).applied, { timeout: 20_000, interval: 50 }).toBe(EVENTS);
    await Promise.all(consumers.map((consumer) => consumer.stop()));

    expect(appliedBy.size).toBe(EVENTS);
    for (const event of events) expect(appliedBy.get(event.eventId)).toHaveLength(1);
    const audit = await instances[1].integrity.listAudit({ limit: 10 * EVENTS });
    expect(audit).toHaveLength(EVENTS);
    expect(new Set(audit.map((entry) => entry.eventId)).size).toBe(EVENTS);
    const perInstance = new Map<string, number>();
    for (const entry of audit) perInstance.set(entry.actor, (perInstance.get(entry.actor) ?? 0) + 1);
    expect(perInstance.get('worker:hub-1')).toBeGreaterThan(0);
    expect(perInstance.get('worker:hub-2')).toBeGreaterThan(0);
    expect(await instances[1].events.counts()).toEqual({ queued: 0, processing: 0, applied: EVENTS, discarded: 0, dead: 0 });
  }, 30_000);
});
