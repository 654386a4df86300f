import { TurnBatch } from '@interlock/core';
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

/** True for SQLite's "the lock is held elsewhere" codes (SQLITE_BUSY and its extended forms). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** How long a batch waits before asking again for a write lock held elsewhere. */
const LOCK_RETRY_MS = 1;

/**
 * Group commit: every write of the store goes through here. Writes that arrive in the same turn
 * of the event loop run in ONE transaction, and each one's promise settles only after COMMIT has
 * returned — so an `accept` that resolved is in the WAL file however many shared its commit. A webhook
 * burst therefore pays one commit (and, under synchronous=FULL, one fsync) per batch instead of
 * one per event.
 *
 * The batches are core's {@link TurnBatch}: on `setImmediate`, or at once when `maxBatchSize`
 * writes are waiting.
 * A write that throws fails alone: SQLite undoes the statement that failed and the rest of the
 * batch commits (so a write of several statements must only throw where its earlier ones are
 * harmless to keep, as the store's are). If SQLite gave up the whole transaction (disk full,
 * I/O error), every write in it fails.
 *
 * When the write lock is held elsewhere (another process's write, a checkpoint restarting the
 * WAL) the batch waits without blocking the event loop: SQLite's own busy handler would sleep
 * the whole process, so health checks, other requests and timers would stop with it. The batch
 * asks again every millisecond, joined by the writes that arrive meanwhile, and fails only once
 * the lock has been out of reach for `busyTimeoutMs`.
 */
export class GroupCommit {
  private closed = false;
  /** When the write lock was first found held elsewhere, while a batch waits for it. */
  private lockedSince: number | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly batches: TurnBatch<Pending>;
  private readonly commit: (batch: readonly Pending[]) => void;

  constructor(
    private readonly db: Connection,
    private readonly maxBatchSize: number,
    private readonly busyTimeoutMs: number,
  ) {
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first could
    // fail with SQLITE_BUSY on its first write instead of waiting for the lock.
    const transaction = db.transaction((batch: readonly Pending[]) => this.runAll(batch));
    this.commit = (batch) => transaction.immediate(batch);
    this.batches = new TurnBatch(maxBatchSize, (batch) => this.commitBatch(batch, false));
  }

  /** Runs `work` (synchronous statements) in the next group transaction; resolves with its result after COMMIT. */
  run<T>(work: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    return new Promise<T>((resolve, reject) => {
      this.batches.add({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  /** Commits what is waiting now, unless it is waiting for a lock held elsewhere. */
  flush(): void {
    if (this.retryTimer === undefined) this.batches.flush();
  }

  /** Commits what is waiting, waiting for the lock in place if it must, and refuses further writes. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const rest = this.batches.drain();
    // Closing is on no one's request path: SQLite's own wait is simpler than a timer here.
    for (let from = 0; from < rest.length; from += this.maxBatchSize) this.commitBatch(rest.slice(from, from + this.maxBatchSize), true);
  }

  /** `'held'` when the lock was held elsewhere and the batch must wait for it. */
  private commitBatch(batch: Pending[], blocking: boolean): 'held' | undefined {
    try {
      if (blocking) this.commit(batch);
      else this.commitFailingFast(batch);
    } catch (error) {
      // BEGIN could not take the lock, so nothing ran and the batch can simply go again.
      if (!blocking && isBusy(error) && batch.every((item) => item.outcome === undefined)) {
        const since = this.lockedSince ?? performance.now();
        if (performance.now() - since < this.busyTimeoutMs) {
          this.lockedSince = since;
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.batches.flush();
          }, LOCK_RETRY_MS);
          return 'held';
        }
      }
      this.lockedSince = undefined;
      for (const item of batch) item.reject(error);
      return undefined;
    }
    this.lockedSince = undefined;
    // Settled only now that COMMIT has returned.
    for (const { outcome, resolve, reject } of batch) {
      if (outcome && !outcome.ok) reject(outcome.error);
      else resolve(outcome?.value);
    }
    return undefined;
  }

  /**
   * Commits without SQLite's busy handler, which would sleep the event loop; reads keep their
   * wait. The pragma is compiled each time because SQLite applies it when the statement is
   * prepared, not when it runs: a prepared one would set the timeout once, at construction.
   */
  private commitFailingFast(batch: readonly Pending[]): void {
    this.db.pragma('busy_timeout = 0');
    try {
      this.commit(batch);
    } finally {
      this.db.pragma(`busy_timeout = ${Math.floor(this.busyTimeoutMs)}`);
    }
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
