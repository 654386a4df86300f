import type { InboundEvent } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresService } from './support/postgres-service.js';
import { sampleEvent } from './support/sample-event.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

/** Watches a pool's queries; `inserts()` counts the statements that inserted events. */
function watch(pool: pg.Pool) {
  const query = vi.spyOn(pool, 'query');
  return {
    query,
    inserts: () => query.mock.calls.filter(([sql]) => /^\s*INSERT INTO \S+\.events\b/.test(textOf(sql))).length,
  };
}

describe.skipIf(service.skip)('PostgreSQL accept: group commit', () => {
  beforeAll(() => service.requireReachable());
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  async function open(options: { maxBatchSize?: number } = {}) {
    db = new TestDatabase();
    const clock = new FakeClock();
    const pool = db.pool();
    const store = await db.open({ clock, pool, ...options });
    return { store, clock, watched: watch(pool) };
  }

  const storedIds = async (): Promise<string[]> =>
    (await db.query<{ id: string }>('SELECT id FROM $schema.events ORDER BY id')).map((row) => row.id);

  it("sends one turn's accepts as one statement, keeping every column", async () => {
    const { store, clock, watched } = await open();
    const events: InboundEvent[] = Array.from({ length: 20 }, (_, i) => sampleEvent(clock.now() + i));
    const traced = sampleEvent(clock.now(), {
      occurredAt: clock.now() - 5,
      correlationId: 'req_1',
      traceContext: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'acme=1' },
      payload: '{"name":"Müller GmbH","quote":"\\"a\\\\b\\"","brace":"{x,y}"}',
    });
    const answers = await Promise.all([...events, traced].map((event) => store.events.accept(event)));
    expect(answers).toEqual(Array.from({ length: 21 }, () => 'accepted'));
    expect(watched.inserts()).toBe(1);
    expect(await store.events.get(traced.id)).toEqual({ ...traced, status: 'queued', attempts: 0, updatedAt: clock.now() });
    expect(await storedIds()).toEqual([...events, traced].map((event) => event.id).sort());
  });

  it('sends a full batch at once, and several batches at once on different connections', async () => {
    const { store, watched } = await open({ maxBatchSize: 4 });
    const events = Array.from({ length: 10 }, (_, i) => sampleEvent(i));
    const answers = events.map((event) => store.events.accept(event));
    // Both full batches went out before this turn ended, neither waiting for the other's commit.
    expect(watched.inserts()).toBe(2);
    expect(await Promise.all(answers)).toEqual(events.map(() => 'accepted'));
    expect(watched.inserts()).toBe(3);
  });

  it('accepts the first of two copies of one event in a batch, in arrival order, and calls the other a duplicate', async () => {
    const { store } = await open();
    // Keys chosen to sort on either side of the copies, so the order the rows go in is not the arrival order.
    const earlier = sampleEvent(2, { eventId: 'evt_m', payload: '{"copy":"earlier"}' });
    const later = sampleEvent(1, { eventId: 'evt_m', payload: '{"copy":"later"}' });
    const before = sampleEvent(3, { eventId: 'evt_a' });
    const after = sampleEvent(4, { eventId: 'evt_z' });
    const answers = await Promise.all([after, earlier, before, later].map((event) => store.events.accept(event)));
    expect(answers).toEqual(['accepted', 'accepted', 'accepted', 'duplicate']);
    expect(await store.events.get(earlier.id)).toMatchObject({ payload: '{"copy":"earlier"}' });
    expect(await store.events.get(later.id)).toBeUndefined();
  });

  it('calls a copy of an event accepted by an earlier batch a duplicate', async () => {
    const { store, watched } = await open();
    const event = sampleEvent(1);
    expect(await store.events.accept(event)).toBe('accepted');
    const redelivered = sampleEvent(2, { eventId: event.eventId });
    const fresh = sampleEvent(3);
    expect(await Promise.all([store.events.accept(redelivered), store.events.accept(fresh)])).toEqual(['duplicate', 'accepted']);
    expect(watched.inserts()).toBe(2);
    expect(await storedIds()).toEqual([event.id, fresh.id].sort());
  });

  it('tells no one "accepted" when the batch statement fails, and stores nothing of it', async () => {
    const { store, watched } = await open();
    watched.query.mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    const answers = [sampleEvent(1), sampleEvent(2), sampleEvent(3)].map((event) => store.events.accept(event));
    for (const answer of answers) await expect(answer).rejects.toThrow('Connection terminated unexpectedly');
    expect(watched.inserts()).toBe(1);
    expect(await storedIds()).toEqual([]);
  });

  it('a row PostgreSQL refuses fails alone: the rest of its batch is stored, one event at a time', async () => {
    const { store, watched } = await open();
    const good = [sampleEvent(1), sampleEvent(2)];
    // Text in PostgreSQL cannot hold a NUL character.
    const bad = sampleEvent(3, { payload: 'nul\u0000byte' });
    const answers = [good[0], bad, good[1]].map((event) => (event ? store.events.accept(event) : Promise.reject(new Error('no event'))));
    await expect(answers[1]).rejects.toMatchObject({ code: '22021' });
    expect(await answers[0]).toBe('accepted');
    expect(await answers[2]).toBe('accepted');
    expect(watched.inserts()).toBe(4);
    expect(await storedIds()).toEqual(good.map((event) => event.id).sort());
  });

  it('two instances inserting the same events in opposite orders at once both finish, each event accepted once', async () => {
    db = new TestDatabase();
    const clock = new FakeClock();
    const [one, two] = await Promise.all([db.open({ clock, maxBatchSize: 2_000 }), db.open({ clock, maxBatchSize: 2_000 })]);
    if (!one || !two) throw new Error('two stores');
    const events = Array.from({ length: 2_000 }, (_, i) => sampleEvent(i));
    const copies = events.map((event, i) => ({ ...event, id: sampleEvent(10_000 + i).id }));
    const answers = await Promise.all([
      ...events.map((event) => one.events.accept(event)),
      ...copies.reverse().map((event) => two.events.accept(event)),
    ]);
    expect(answers.filter((answer) => answer === 'accepted')).toHaveLength(events.length);
    expect(await db.query('SELECT 1 FROM $schema.events')).toHaveLength(events.length);
  });

  it('close commits the accepts still waiting, answers each, and refuses later ones', async () => {
    const { store, watched } = await open();
    const events = [sampleEvent(1), sampleEvent(2)];
    const answers = events.map((event) => store.events.accept(event));
    // Before the turn ends, so the batch has not gone yet.
    expect(watched.inserts()).toBe(0);
    await store.events.close();
    expect(await Promise.all(answers)).toEqual(['accepted', 'accepted']);
    await expect(store.events.accept(sampleEvent(3))).rejects.toThrow('closed');
    expect(await storedIds()).toEqual(events.map((event) => event.id).sort());
  });
});
