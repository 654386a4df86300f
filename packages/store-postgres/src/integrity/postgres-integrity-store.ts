import type {
  AuditEntry,
  AuditFilter,
  BeginResult,
  IntegrityStore,
  RecordKey,
  RecordState,
  StoredOutcome,
} from '@interlock/core';
import type { AuditTable } from './audit-table.js';
import type { IdempotencyTable } from './idempotency-table.js';
import type { RecordTable } from './record-table.js';

/**
 * The {@link IntegrityStore} contract on PostgreSQL: idempotency keys, record states and the
 * audit trail, shared by every hub instance on the same schema.
 */
export class PostgresIntegrityStore implements IntegrityStore {
  private closed = false;

  constructor(
    private readonly keys: IdempotencyTable,
    private readonly records: RecordTable,
    private readonly audit: AuditTable,
    private readonly releasePool: () => Promise<void>,
  ) {}

  begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult> {
    return this.keys.begin(scope, key, fingerprint, now);
  }

  complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void> {
    return this.keys.complete(scope, key, outcome, now);
  }

  release(scope: string, key: string): Promise<void> {
    return this.keys.release(scope, key);
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

  listAudit(filter?: AuditFilter): Promise<readonly AuditEntry[]> {
    return this.audit.list(filter);
  }

  /** Lets go of the connection pool (ended once the event queue has let go of it too). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.releasePool();
  }
}
