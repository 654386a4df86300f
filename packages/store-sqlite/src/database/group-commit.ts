import type { Connection } from './connection.js';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** What `work` did inside the transaction; acted on only after COMMIT. */
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/** Raised for writes made after the store was closed. */
export class StoreClosedError extends Error {
  constructor() {
    super('The SQLite store is closed');
    this.name = 'StoreClosedError';
  }
}

/**
 * Group commit: every write of the store goes through here. Writes that arrive in the same turn
 * of the event loop run in ONE transaction, and each one's promise settles only after COMMIT has
 * returned — so an `accept` that resolved is in the WAL file however many shared its commit. A webhook
 * burst therefore pays one commit (and, under synchronous=FULL, one fsync) per batch instead of
 * one per event.
 *
 * A batch flushes on `setImmediate` (after the I/O callbacks of the current turn, so every
 * request parsed in that turn joins it) or at once when `maxBatchSize` writes are waiting.
 * A write that throws fails alone: SQLite undoes the statement that failed and the rest of the
 * batch commits (so a write of several statements must only throw where its earlier ones are
 * harmless to keep, as the store's are). If SQLite gave up the whole transaction (disk full,
 * I/O error), every write in it fails.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;
  private closed = false;
  private readonly commit: (batch: readonly Pending[]) => void;

  constructor(
    private readonly db: Connection,
    private readonly maxBatchSize: number,
  ) {
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could
    // fail with SQLITE_BUSY on its first write instead of waiting for the lock.
    const transaction = db.transaction((batch: readonly Pending[]) => this.runAll(batch));
    this.commit = (batch) => transaction.immediate(batch);
  }

  /** Runs `work` (synchronous statements) in the next group transaction; resolves with its result after COMMIT. */
  run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length >= this.maxBatchSize) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Commits what is waiting now, synchronously. */
  flush(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.commit(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    // Settled only now that COMMIT has returned.
    for (const { outcome, resolve, reject } of batch) {
      if (outcome && !outcome.ok) reject(outcome.error);
      else resolve(outcome?.value);
    }
  }

  /** Commits what is waiting and refuses further writes. */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private runAll(batch: readonly Pending[]): void {
    for (const item of batch) {
      try {
        item.outcome = { ok: true, value: item.work() };
      } catch (error) {
        // The failed statement was undone by itself; if SQLite abandoned the whole transaction,
        // nothing in this batch committed and the batch must fail as one.
        if (!this.db.inTransaction) throw error;
        item.outcome = { ok: false, error };
      }
    }
  }
}
