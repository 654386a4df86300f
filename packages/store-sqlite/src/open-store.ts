import { composeIntegrityStore, type EventQueue, type IntegrityStore } from '@interlock/core';
import { BackgroundCheckpointer } from './database/checkpointer.js';
import { openConnection } from './database/connection.js';
import { GroupCommit } from './database/group-commit.js';
import { EventStatements } from './events/event-statements.js';
import { SqliteEventQueue } from './events/sqlite-event-queue.js';
import { AuditTrail } from './integrity/audit-trail.js';
import { EventApplications } from './integrity/event-applications.js';
import { IdempotencyStatements } from './integrity/idempotency-statements.js';
import { RecordStates } from './integrity/record-states.js';
import { SqliteIdempotency } from './integrity/sqlite-idempotency.js';
import { resolveOptions, type SqliteStoreOptions } from './options.js';

/** One SQLite database serving both halves of the event path. */
export interface SqliteStore {
  /** The durable event queue: what the webhook ingress accepts into and the workers drain. */
  events: EventQueue;
  /** Idempotency keys, record states and the audit trail. */
  integrity: IntegrityStore;
  /** Stops consumers (without waiting for running handlers), commits pending writes, checkpoints and closes the file. */
  close(): Promise<void>;
  /** Checkpoints the WAL now, on the calling thread (PASSIVE: never waits for readers or writers). */
  checkpoint(): void;
}

/**
 * Opens (creating and migrating if needed) the store at `options.path`. Several stores — in
 * this process or others — may open the same file; each write waits up to `busyTimeoutMs` for
 * the others' write lock.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const resolved = resolveOptions(options);
  const db = openConnection(resolved);
  const writes = new GroupCommit(db, resolved.maxBatchSize, resolved.busyTimeoutMs);
  const checkpointer =
    resolved.inMemory || resolved.checkpointIntervalMs === 0
      ? undefined
      : new BackgroundCheckpointer(resolved.path, resolved.checkpointIntervalMs, resolved.busyTimeoutMs, () => {
          // Without the thread, SQLite's own checkpoints are better than a WAL that grows forever.
          if (db.open) db.pragma('wal_autocheckpoint = 1000');
        });

  // The connection closes when the last facet does: the hub may close a queue it replaced
  // (BullMQ) while still using the integrity store, and the other way round.
  let openFacets = 2;
  let closed: Promise<void> = Promise.resolve();
  const facetClosed = (): Promise<void> => {
    if (--openFacets === 0) {
      closed = (async () => {
        writes.close();
        await checkpointer?.close();
        db.close();
      })();
    }
    return closed;
  };

  const events = new SqliteEventQueue({
    statements: new EventStatements(db),
    writes,
    clock: resolved.clock,
    idlePollMs: resolved.idlePollMs,
    onClose: facetClosed,
  });
  const idempotency = new SqliteIdempotency(new IdempotencyStatements(db), writes, {
    ttlMs: resolved.idempotencyTtlMs,
    lockTimeoutMs: resolved.idempotencyLockTimeoutMs,
  });
  const records = new RecordStates(db, writes);
  const audit = new AuditTrail(db, writes);
  const applications = new EventApplications(db, writes, records, audit);
  const integrity = composeIntegrityStore({ idempotency, records, audit, applications, close: facetClosed });

  return {
    events,
    integrity,
    async close() {
      await events.close();
      await integrity.close();
      await closed;
    },
    checkpoint() {
      db.pragma('wal_checkpoint(PASSIVE)');
    },
  };
}
