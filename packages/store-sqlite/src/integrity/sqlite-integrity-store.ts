import type { AuditEntry, AuditFilter, BeginResult, IntegrityStore, RecordKey, RecordState, StoredOutcome } from '@interlock/core';
import type { AuditTrail } from './audit-trail.js';
import type { RecordStates } from './record-states.js';
import type { SqliteIdempotency } from './sqlite-idempotency.js';

/** The IntegrityStore contract on SQLite: idempotency keys, record states and the audit trail, on the store's one connection. */
export class SqliteIntegrityStore implements IntegrityStore {
  private closed = false;

  constructor(
    private readonly idempotency: SqliteIdempotency,
    private readonly records: RecordStates,
    private readonly audit: AuditTrail,
    private readonly onClose: () => Promise<void>,
  ) {}

  begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult> {
    return this.idempotency.begin(scope, key, fingerprint, now);
  }

  complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void> {
    return this.idempotency.complete(scope, key, outcome, now);
  }

  release(scope: string, key: string): Promise<void> {
    return this.idempotency.release(scope, key);
  }

  getRecord(key: RecordKey): Promise<RecordState | undefined> {
    return this.records.get(key);
  }

  putRecord(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    return this.records.put(next, expectedVersion);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    return this.audit.append(entry);
  }

  /** Oldest first (ties in append order); `limit` keeps the most recent entries. */
  listAudit(filter?: AuditFilter): Promise<readonly AuditEntry[]> {
    return this.audit.list(filter);
  }

  /** Releases this facet; the connection closes when the event queue is closed too. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return this.onClose();
  }
}
