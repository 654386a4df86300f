import type { IdempotencyStore } from '../idempotency/idempotency-store.js';

/** The last applied state of one provider record (a payment, a shipment), for the ordering and stale guards. */
export interface RecordState {
  provider: string;
  recordType: string;
  recordId: string;
  status: string;
  /** Provider time of the event that set this state. */
  updatedAt: number;
  /** Bumped on every write, for compare-and-set. */
  version: number;
}

export interface RecordKey {
  provider: string;
  recordType: string;
  recordId: string;
}

/** Who did what to which record, with which outcome: the audit trail. */
export interface AuditEntry {
  at: number;
  /** A person (`user:alice`) or a job (`worker:hub-1`, `poller:stripe`, `cli`). */
  actor: string;
  action: string;
  provider: string;
  recordType?: string | undefined;
  recordId?: string | undefined;
  eventId?: string | undefined;
  payloadVersion?: string | undefined;
  attempts?: number | undefined;
  outcome: string;
  correlationId?: string | undefined;
  detail?: string | undefined;
}

export interface AuditFilter {
  provider?: string | undefined;
  recordId?: string | undefined;
  eventId?: string | undefined;
  limit?: number | undefined;
}

/**
 * The data the event path keeps besides the queue: idempotency keys, record states and the
 * audit trail. Implemented by the SQLite and PostgreSQL stores.
 */
export interface IntegrityStore extends IdempotencyStore {
  getRecord(key: RecordKey): Promise<RecordState | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (undefined: the record
   * must not exist yet). False when another writer got there first.
   */
  putRecord(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter?: AuditFilter): Promise<readonly AuditEntry[]>;
  close(): Promise<void>;
}
