import Database from 'better-sqlite3';
import type { ResolvedOptions } from '../options.js';
import { migrate } from './migrations.js';

/** The better-sqlite3 connection type, named once for the rest of the package. */
export type Connection = Database.Database;

/** A prepared statement taking `P` (positional tuple or named object) and returning rows of `R`. */
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = P extends unknown[] ? Database.Statement<P, R> : Database.Statement<[P], R>;

/**
 * Opens the database with the pragmas the store's guarantees rest on, then brings its schema up
 * to date.
 *
 * Durability: `journal_mode=WAL` with `synchronous=NORMAL` by default. In WAL mode a commit
 * under NORMAL has written the transaction to the WAL file with write(2) before it returns, so
 * the data is in the OS, not in this process: a crash of the process (SIGKILL, OOM, a thrown
 * error) loses nothing acknowledged. What NORMAL skips is the fsync per commit, so a power loss
 * or a kernel crash can roll back the last transactions (the database stays consistent; it is
 * never corrupted). FULL adds that fsync — measured here at about 0.9 ms, on the event loop,
 * once per group commit — and buys survival of power loss. The promise the hub makes with its
 * 200 is "survives a process crash", so NORMAL is the default and FULL an option for a host
 * whose disk flushes are cheap and whose operator wants the stronger promise.
 *
 * Checkpoints: `wal_autocheckpoint=0` when the background checkpointer runs, because SQLite's
 * own checkpoint runs inside the commit that crosses the threshold — a 5–9 ms stall on whichever
 * accept happens to commit it. Without the checkpointer, SQLite's default stays on so the WAL
 * cannot grow without bound.
 */
/** The WAL file is cut back to this when SQLite starts it over; the checkpointer starts it over once it holds this much. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function openConnection(options: ResolvedOptions): Connection {
  const db = new Database(options.inMemory ? ':memory:' : options.path, { timeout: options.busyTimeoutMs });
  try {
    if (!options.inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // A burst can grow the WAL far beyond its usual size; this truncates it back once checkpointed.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    if (!options.inMemory && options.checkpointIntervalMs > 0) db.pragma('wal_autocheckpoint = 0');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
