import type { EventOutcome } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresService } from './support/postgres-service.js';
import { sampleEvent } from './support/sample-event.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

const hold = (): Promise<EventOutcome> => new Promise<EventOutcome>(() => undefined);

describe.skipIf(service.skip)('PostgreSQL event queue: what the parity suite does not cover', () => {
  beforeAll(() => service.requireReachable());
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('records who holds the lease and until when, and clears the holder once settled', async () => {
    db = new TestDatabase();
    const clock = new FakeClock();
    const store = await db.open({ clock });
    const event = sampleEvent(clock.now());
    await store.events.accept(event);
    let finish: ((outcome: EventOutcome) => void) | undefined;
    const consumer = store.events.consume(() => new Promise((resolve) => (finish = resolve)), { leaseMs: 5_000, workerId: 'worker:hub-1' });
    await vi.waitFor(() => expect(finish).toBeDefined());
    const lease = async () =>
      (await db.query<{ lease_owner: string | null; visible_at: string }>('SELECT lease_owner, visible_at FROM $schema.events WHERE id = $1', [event.id]))[0];
    expect(await lease()).toEqual({ lease_owner: 'worker:hub-1', visible_at: String(clock.now() + 5_000) });
    finish?.({ status: 'applied' });
    await consumer.stop();
    expect((await lease())?.lease_owner).toBeNull();
  });

  it('an event applied through the integrity store is settled in the same transaction, before its worker returns', async () => {
    db = new TestDatabase();
    const clock = new FakeClock();
    const store = await db.open({ clock });
    const event = sampleEvent(clock.now());
    await store.events.accept(event);
    const application = {
      provider: event.provider,
      eventId: event.eventId,
      queueId: event.id,
      record: { provider: event.provider, recordType: 'payment', recordId: 'pay_1', status: 'succeeded', updatedAt: clock.now() },
      expectedVersion: undefined,
      effects: [{ provider: event.provider, recordType: 'movement', recordId: 'mv_1', status: 'captured', updatedAt: clock.now() }],
      audit: { at: clock.now(), actor: 'worker:test', action: 'apply', provider: event.provider, recordId: 'pay_1', eventId: event.eventId, outcome: 'applied' },
    };
    let finish: ((outcome: EventOutcome) => void) | undefined;
    const consumer = store.events.consume(async () => {
      await store.integrity.applyEvent(application);
      // The worker stalls here, as one killed before the queue hears its outcome would.
      return new Promise<EventOutcome>((resolve) => (finish = resolve));
    });
    await vi.waitFor(() => expect(finish).toBeDefined());
    expect((await store.events.get(event.id))?.status).toBe('applied');
    expect(await store.integrity.getRecord({ provider: event.provider, recordType: 'movement', recordId: 'mv_1' })).toMatchObject({ status: 'captured' });
    // The lease holder's own late outcome changes nothing, and the event is never written twice.
    finish?.({ status: 'retry', reason: 'late' });
    await consumer.stop();
    expect(await store.events.get(event.id)).toMatchObject({ status: 'applied', attempts: 1 });
    expect(await store.integrity.applyEvent(application)).toBe('already_applied');
  });

  it('an event whose workers keep dying is dead-lettered once its lease has run out on the last attempt', async () => {
    db = new TestDatabase();
    const clock = new FakeClock();
    const event = sampleEvent(clock.now());
    const options = { leaseMs: 1_000, maxAttempts: 2 };
    const first = await db.open({ clock });
    await first.events.accept(event);
    first.events.consume(hold, options);
    await vi.waitFor(async () => expect((await first.events.get(event.id))?.attempts).toBe(1));
    // close() does not wait for the stuck handler: it is what a crash leaves behind.
    await first.close();

    const second = await db.open({ clock });
    second.events.consume(hold, options);
    // Move time only once the consumer sleeps on it, so that its wake-up is what is tested.
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    await clock.advance(1_000);
    await vi.waitFor(async () => expect((await second.events.get(event.id))?.attempts).toBe(2));
    await second.close();

    const third = await db.open({ clock });
    const handler = vi.fn(hold);
    const consumer = third.events.consume(handler, options);
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    await clock.advance(1_000);
    await vi.waitFor(async () => expect((await third.events.get(event.id))?.status).toBe('dead'));
    await consumer.stop();
    expect(handler).not.toHaveBeenCalled();
    expect(await third.events.get(event.id)).toMatchObject({ attempts: 2, reason: 'lease expired on attempt 2' });
    expect((await third.events.listDead()).map((e) => e.id)).toEqual([event.id]);
  });

  it('a replay wakes an idle consumer of the same instance without waiting for its poll', async () => {
    db = new TestDatabase();
    const clock = new FakeClock();
    const store = await db.open({ clock });
    const event = sampleEvent(clock.now());
    await store.events.accept(event);
    let dead = true;
    const consumer = store.events.consume(() => Promise.resolve<EventOutcome>(dead ? { status: 'dead', reason: 'bug' } : { status: 'applied' }));
    await vi.waitFor(async () => expect((await store.events.get(event.id))?.status).toBe('dead'));
    dead = false;
    // The clock never moves from here on: only the wake-up can get the event handled.
    await store.events.replay(event.id);
    await vi.waitFor(async () => expect((await store.events.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
  });

  it('keeps absent optional fields absent and stores the times it was given', async () => {
    db = new TestDatabase();
    const clock = new FakeClock({ start: Date.UTC(2026, 2, 29, 1, 30) });
    const store = await db.open({ clock });
    const event = sampleEvent(Date.UTC(2026, 2, 29, 1, 29, 59, 999), { occurredAt: Date.UTC(2026, 2, 29, 0, 59) });
    await store.events.accept(event);
    const stored = await store.events.get(event.id);
    expect(stored).toEqual({ ...event, status: 'queued', attempts: 0, updatedAt: clock.now() });
    expect(Object.keys(stored ?? {})).not.toContain('correlationId');
    expect(Object.keys(stored ?? {})).not.toContain('reason');
  });

  it('an instance whose clock lags the accepting one still takes a new event at once', async () => {
    db = new TestDatabase();
    const ahead = new FakeClock({ start: Date.UTC(2026, 0, 1, 12, 0, 30) });
    const behind = new FakeClock({ start: Date.UTC(2026, 0, 1, 12, 0, 0) });
    const accepting = await db.open({ clock: ahead });
    const working = await db.open({ clock: behind });
    const event = sampleEvent(ahead.now());
    await accepting.events.accept(event);
    const consumer = working.events.consume(() => Promise.resolve<EventOutcome>({ status: 'applied' }));
    // Neither clock moves: the event must not wait for the lagging clock to reach its receipt time.
    await vi.waitFor(async () => expect((await working.events.get(event.id))?.status).toBe('applied'));
    await consumer.stop();
  });
});
