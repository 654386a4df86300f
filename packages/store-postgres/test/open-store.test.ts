import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { POSTGRES_URL, postgresService } from './support/postgres-service.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

describe.skipIf(service.skip)('openPostgresStore (PostgreSQL)', () => {
  beforeAll(() => service.requireReachable());
  let db: TestDatabase;
  afterEach(async () => db.cleanup());

  it('from a connection string: migrates, works, and ends its own pool once both parts are closed', async () => {
    db = new TestDatabase();
    const store = await openPostgresStore({ connectionString: POSTGRES_URL, schema: db.schema });
    expect(await store.events.counts()).toEqual({ queued: 0, processing: 0, applied: 0, discarded: 0, dead: 0 });
    await store.events.close();
    // The integrity store still holds the pool.
    expect(await store.integrity.getRecord({ provider: 'acme', recordType: 'payment', recordId: 'pi_1' })).toBeUndefined();
    await store.integrity.close();
    await expect(store.integrity.getRecord({ provider: 'acme', recordType: 'payment', recordId: 'pi_1' })).rejects.toThrow();
    await store.close();
    expect(() => store.events.consume(() => Promise.resolve({ status: 'applied' }))).toThrow(/closed/);
  });

  it('never ends a pool the caller passed in', async () => {
    db = new TestDatabase();
    const pool = db.pool();
    const store = await openPostgresStore({ pool, schema: db.schema });
    await store.close();
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
  });

  it('fails to open when migrating fails, ending the pool it made', async () => {
    db = new TestDatabase();
    const url = new URL(POSTGRES_URL);
    url.pathname = '/interlock_no_such_database';
    await expect(openPostgresStore({ connectionString: url.toString(), schema: db.schema })).rejects.toThrow(/does not exist/);
  });

  it('refuses bad options before connecting', async () => {
    db = new TestDatabase();
    await expect(openPostgresStore({ pool: db.pool(), schema: '' })).rejects.toThrow(TypeError);
    await expect(openPostgresStore({ pool: db.pool(), schema: db.schema, idlePollMs: 0 })).rejects.toThrow(/idlePollMs/);
    await expect(openPostgresStore({ pool: db.pool(), schema: db.schema, idempotencyTtlMs: -1 })).rejects.toThrow(/idempotencyTtlMs/);
    await expect(openPostgresStore({ pool: db.pool(), schema: db.schema, maxBatchSize: 0 })).rejects.toThrow(/maxBatchSize/);
    await expect(openPostgresStore({ pool: db.pool(), schema: db.schema, maxBatchSize: 2.5 })).rejects.toThrow(/maxBatchSize/);
    const store = await db.open();
    const handler = () => Promise.resolve({ status: 'applied' as const });
    expect(() => store.events.consume(handler, { concurrency: 0 })).toThrow(/concurrency/);
    expect(() => store.events.consume(handler, { maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(() => store.events.consume(handler, { leaseMs: 0 })).toThrow(/leaseMs/);
    expect(() => store.events.consume(handler, { ratePerSecond: 0 })).toThrow(/ratePerSecond/);
  });

  it('reports a failing query of a consumer to onError and keeps consuming', async () => {
    db = new TestDatabase();
    const errors: unknown[] = [];
    const store = await db.open({ idlePollMs: 20, onError: (error) => errors.push(error) });
    const consumer = store.events.consume(() => Promise.resolve({ status: 'applied' }));
    // Take the table away under the consumer, then give it back.
    await db.query('ALTER TABLE $schema.events RENAME TO events_away');
    await expect.poll(() => errors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await db.query('ALTER TABLE $schema.events_away RENAME TO events');
    const event = { id: 'evt-own-1', provider: 'acme', eventId: 'evt_1', type: 't', receivedAt: Date.now(), payload: '{}' };
    await store.events.accept(event);
    await expect.poll(async () => (await store.events.get(event.id))?.status, { timeout: 5_000 }).toBe('applied');
    await consumer.stop();
    expect(String(errors[0])).toMatch(/does not exist/);
  });
});
