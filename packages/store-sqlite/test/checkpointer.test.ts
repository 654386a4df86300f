import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundCheckpointer } from '../src/database/checkpointer.js';
import { openConnection } from '../src/database/connection.js';
import { resolveOptions } from '../src/options.js';
import { tempStores, type TempStores } from './temp-store.js';

const KIB = 1024;
const payload = 'x'.repeat(KIB);

async function acceptMany(stores: TempStores, store: ReturnType<TempStores['open']>, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.events.accept({ id: `id-${i}`, provider: 'acme', eventId: `evt_${i}`, type: 't', receivedAt: stores.clock.now(), payload }),
    ),
  );
}

const waitReal = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('WAL checkpoints', () => {
  let stores: TempStores | undefined;
  afterEach(async () => {
    await stores?.cleanup();
    stores = undefined;
  });

  it('never run inside a commit: with the background thread idle, the database file does not grow', async () => {
    stores = tempStores({ checkpointIntervalMs: 60_000 });
    const store = stores.open();
    const before = statSync(stores.path).size;
    await acceptMany(stores, store, 2_000);
    // Two megabytes went into the WAL; SQLite's default would have checkpointed at 1,000 pages.
    expect(statSync(stores.path).size).toBe(before);
    expect(statSync(`${stores.path}-wal`).size).toBeGreaterThan(2_000 * KIB);
    store.checkpoint();
    expect(statSync(stores.path).size).toBeGreaterThan(2_000 * KIB);
  });

  it('are run by the background thread', async () => {
    stores = tempStores({ checkpointIntervalMs: 10 });
    const store = stores.open();
    await acceptMany(stores, store, 2_000);
    for (let i = 0; i < 200 && statSync(stores.path).size < 2_000 * KIB; i++) await waitReal(10);
    expect(statSync(stores.path).size).toBeGreaterThan(2_000 * KIB);
  });

  it('start the WAL over under steady writes, which PASSIVE alone never catches up with', async () => {
    stores = tempStores();
    const db = openConnection(resolveOptions({ path: stores.path, checkpointIntervalMs: 60_000 }));
    // Cut back to 1 MiB whenever SQLite starts the WAL over, so the file's size shows whether it did.
    db.pragma(`journal_size_limit = ${1024 * KIB}`);
    const checkpointer = new BackgroundCheckpointer(stores.path, 100, 1_000, () => undefined, 256 * KIB);
    try {
      const insert = db.prepare('INSERT INTO events (id, provider, event_id, type, received_at, payload, status, attempts, visible_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, 0, 0, 0)');
      let next = 0;
      // One small commit per turn of the event loop, as accepts arrive; each writes a few pages (the row and its indexes).
      const commit = async (): Promise<void> => {
        insert.run(`id-${next}`, 'acme', `evt_${next}`, 't', payload, 'queued');
        next++;
        await new Promise((resolve) => setImmediate(resolve));
      };
      // While the writes go on, the file must be cut back at some point: only a WAL started over is.
      const walSize = (): number => statSync(`${stores?.path}-wal`).size;
      let largest = 0;
      let cutBack = false;
      for (let i = 0; i < 20_000 && !cutBack; i++) {
        await commit();
        const size = walSize();
        cutBack = size < largest && largest > 1024 * KIB;
        largest = Math.max(largest, size);
      }
      expect(cutBack).toBe(true);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it('are left to SQLite when the thread is turned off', () => {
    stores = tempStores();
    const off = openConnection(resolveOptions({ path: stores.path, checkpointIntervalMs: 0 }));
    expect(off.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    off.close();
    const on = openConnection(resolveOptions({ path: stores.path }));
    expect(on.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    on.close();
  });

  it('report a thread that could not start, so the store can fall back to SQLite', async () => {
    stores = tempStores();
    let onFailure: (error: unknown) => void = () => undefined;
    const failed = new Promise<unknown>((resolve) => (onFailure = resolve));
    const checkpointer = new BackgroundCheckpointer(join(stores.path, 'missing', 'nope.db'), 10, 0, onFailure);
    await expect(failed).resolves.toBeInstanceOf(Error);
    await checkpointer.close();
  });
});
