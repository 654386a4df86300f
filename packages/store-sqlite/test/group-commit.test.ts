import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '../src/database/connection.js';
import { GroupCommit, StoreClosedError } from '../src/database/group-commit.js';
import { resolveOptions } from '../src/options.js';

function memory(): Connection {
  const db = openConnection(resolveOptions({ path: ':memory:' }));
  db.exec('CREATE TABLE t (n INTEGER NOT NULL)');
  return db;
}

describe('GroupCommit', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('runs writes of one tick in one transaction and settles each only after its COMMIT', async () => {
    const db = memory();
    const writes = new GroupCommit(db, 256, 5_000);
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM t');
    const seen: { inTransaction: boolean; rows: number }[] = [];
    const results = Array.from({ length: 10 }, (_, i) =>
      writes.run(() => {
        insert.run(i);
        seen.push({ inTransaction: db.inTransaction, rows: (count.get() as { n: number }).n });
        return i;
      }),
    );
    // Nothing ran yet: the batch waits for the end of the tick.
    expect(seen).toHaveLength(0);
    const first = await results[0];
    // By the time the first write resolves, the whole batch ran in one transaction and committed.
    expect(first).toBe(0);
    expect(seen.map((s) => s.rows)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seen.every((s) => s.inTransaction)).toBe(true);
    expect(db.inTransaction).toBe(false);
    await expect(Promise.all(results)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('commits at once when maxBatchSize writes are waiting', async () => {
    const db = memory();
    const writes = new GroupCommit(db, 4, 5_000);
    let ran = 0;
    const results = Array.from({ length: 10 }, () => writes.run(() => ++ran));
    expect(ran).toBe(8);
    await Promise.all(results);
    expect(ran).toBe(10);
  });

  it('fails only the write that threw; the others commit', async () => {
    const db = memory();
    const writes = new GroupCommit(db, 256, 5_000);
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const good = writes.run(() => insert.run(1).changes);
    const bad = writes.run(() => insert.run(null).changes);
    const alsoGood = writes.run(() => insert.run(3).changes);
    await expect(good).resolves.toBe(1);
    await expect(bad).rejects.toThrow(/NOT NULL/);
    await expect(alsoGood).resolves.toBe(1);
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
  });

  it('fails every write of a batch whose transaction SQLite abandoned', async () => {
    const db = memory();
    const writes = new GroupCommit(db, 256, 5_000);
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const before = writes.run(() => insert.run(1));
    const aborting = writes.run(() => {
      db.exec('ROLLBACK');
      throw new Error('disk I/O error');
    });
    const after = writes.run(() => insert.run(2));
    await expect(before).rejects.toThrow('disk I/O error');
    await expect(aborting).rejects.toThrow('disk I/O error');
    await expect(after).rejects.toThrow('disk I/O error');
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
  });

  /** A file database and a second connection to it, to hold the write lock. */
  function twoConnections(busyTimeoutMs: number): { db: Connection; other: Database.Database } {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-gc-'));
    const path = join(dir, 'db.sqlite');
    const db = openConnection(resolveOptions({ path, busyTimeoutMs }));
    db.exec('CREATE TABLE t (n INTEGER NOT NULL)');
    const other = new Database(path);
    cleanups.push(() => {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    return { db, other };
  }

  const turns = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('waits for a write lock held elsewhere without stopping the event loop, and takes the writes that arrive meanwhile', async () => {
    const { db, other } = twoConnections(2_000);
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const writes = new GroupCommit(db, 256, 2_000);
    other.exec('BEGIN IMMEDIATE');
    const settled: number[] = [];
    const started = performance.now();
    const first = writes.run(() => insert.run(1).changes).then((changes) => settled.push(1) && changes);
    // SQLite's own busy handler would sleep here, in the flush, until the lock or the timeout came.
    await turns(5);
    const later = [2, 3, 4].map((n) => writes.run(() => insert.run(n).changes).then((changes) => settled.push(n) && changes));
    await turns(5);
    expect(settled).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
    other.exec('COMMIT');
    await expect(Promise.all([first, ...later])).resolves.toEqual([1, 1, 1, 1]);
    expect(settled).toEqual([1, 2, 3, 4]);
    expect(db.prepare('SELECT n FROM t ORDER BY rowid').pluck().all()).toEqual([1, 2, 3, 4]);
    // Reads and SQLite's own waits keep the configured timeout.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(2_000);
  });

  it('fails the batch once the lock has been out of reach for the busy timeout, and the next one goes ahead', async () => {
    const { db, other } = twoConnections(20);
    const writes = new GroupCommit(db, 256, 20);
    other.exec('BEGIN IMMEDIATE');
    let loopTurns = 0;
    const counting = setInterval(() => loopTurns++, 1);
    try {
      await expect(writes.run(() => db.prepare('INSERT INTO t (n) VALUES (1)').run())).rejects.toThrow(/locked|busy/i);
    } finally {
      clearInterval(counting);
    }
    expect(loopTurns).toBeGreaterThan(0);
    other.exec('ROLLBACK');
    await expect(writes.run(() => db.prepare('INSERT INTO t (n) VALUES (2)').run().changes)).resolves.toBe(1);
  });

  it('fails the batch when the write lock cannot be had within the busy timeout', async () => {
    const { db, other } = twoConnections(0);
    other.exec('BEGIN IMMEDIATE');
    const writes = new GroupCommit(db, 256, 0);
    await expect(writes.run(() => db.prepare('INSERT INTO t (n) VALUES (1)').run())).rejects.toThrow(/locked|busy/i);
    other.exec('ROLLBACK');
    await expect(writes.run(() => db.prepare('INSERT INTO t (n) VALUES (1)').run().changes)).resolves.toBe(1);
  });

  it('commits what is waiting on close and refuses writes after it', async () => {
    const db = memory();
    const writes = new GroupCommit(db, 256, 5_000);
    const pending = writes.run(() => db.prepare('INSERT INTO t (n) VALUES (1)').run().changes);
    writes.close();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    await expect(pending).resolves.toBe(1);
    await expect(writes.run(() => 1)).rejects.toBeInstanceOf(StoreClosedError);
    writes.flush();
  });
});
