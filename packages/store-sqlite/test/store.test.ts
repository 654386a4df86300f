import { FakeClock } from '@interlock/testkit';
import { HandlerProbe, timeDriver } from '@interlock/testkit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../src/database/connection.js';
import { openSqliteStore, StoreClosedError } from '../src/index.js';
import { resolveOptions } from '../src/options.js';
import { tempStores, type TempStores } from './temp-store.js';

const sample = { id: 'id-1', provider: 'acme', eventId: 'evt_1', type: 't', receivedAt: 1, payload: '{}' };

describe('openSqliteStore', () => {
  let stores: TempStores | undefined;
  afterEach(async () => {
    await stores?.cleanup();
    stores = undefined;
  });

  it('refuses options that would make the store misbehave quietly', () => {
    expect(() => openSqliteStore({ path: ':memory:', maxBatchSize: 0 })).toThrow(RangeError);
    expect(() => openSqliteStore({ path: ':memory:', idlePollMs: Number.NaN })).toThrow(RangeError);
    expect(() => openSqliteStore({ path: ':memory:', idempotency: { ttlMs: 0 } })).toThrow(/idempotency.ttlMs/);
  });

  it('opens in WAL mode with synchronous NORMAL by default, FULL on request', () => {
    stores = tempStores();
    const normal = openConnection(resolveOptions({ path: stores.path }));
    expect(normal.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(normal.pragma('synchronous', { simple: true })).toBe(1);
    normal.close();
    const full = openConnection(resolveOptions({ path: stores.path, synchronous: 'full' }));
    expect(full.pragma('synchronous', { simple: true })).toBe(2);
    full.close();
  });

  it('runs the whole event path in memory for tests', async () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    await expect(store.events.accept(sample)).resolves.toBe('accepted');
    const probe = new HandlerProbe(clock);
    const consumer = store.events.consume(probe.handler);
    const time = timeDriver(clock);
    await time.eventually(async () => expect((await store.events.get('id-1'))?.status).toBe('applied'));
    await time.settle(consumer.stop());
    store.checkpoint();
    await store.close();
  });

  it('commits pending accepts on close, then refuses writes and reads', async () => {
    stores = tempStores();
    const store = stores.open();
    const pending = store.events.accept(sample);
    await store.close();
    await expect(pending).resolves.toBe('accepted');
    await expect(store.events.accept({ ...sample, id: 'id-2', eventId: 'evt_2' })).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.events.get('id-1')).rejects.toThrow();
    await expect(store.integrity.getRecord({ provider: 'acme', recordType: 'p', recordId: '1' })).rejects.toThrow();
    const reopened = stores.open();
    expect((await reopened.events.get('id-1'))?.status).toBe('queued');
  });

  it('keeps the connection open until both halves are closed', async () => {
    stores = tempStores();
    const store = stores.open();
    await store.integrity.close();
    await store.integrity.close();
    await expect(store.events.accept(sample)).resolves.toBe('accepted');
    await store.events.close();
    await expect(store.events.get('id-1')).rejects.toThrow();
  });

  it('lets two stores on one file write at once without losing either', async () => {
    stores = tempStores();
    const a = stores.open();
    const b = stores.open();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).events.accept({ ...sample, id: `id-${i}`, eventId: `evt_${i % 150}` })),
    );
    expect(answers.filter((x) => x === 'accepted')).toHaveLength(150);
    expect((await a.events.counts()).queued).toBe(150);
  });
});
