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
  /**
   * The canonical record (a payments `Payment`, say) as JSON text, as of this state: reconciliation
   * and the support console read what the hub knows from here instead of asking the provider.
   */
  snapshot?: string | undefined;
}

export interface RecordKey {
  provider: string;
  recordType: string;
  recordId: string;
}

/** How many record states {@link IntegrityStore.listRecords} returns when the filter names no limit. */
export const RECORD_LIST_LIMIT = 10_000;

/** Which record states {@link IntegrityStore.listRecords} returns: one provider's records of one type. */
export interface RecordFilter {
  provider: string;
  recordType: string;
  /** Inclusive lower bound on `updatedAt`, epoch milliseconds. */
  updatedFrom?: number | undefined;
  /** Exclusive upper bound on `updatedAt`, epoch milliseconds. */
  updatedTo?: number | undefined;
  /** At most this many records (default {@link RECORD_LIST_LIMIT}), the earliest updated. */
  limit?: number | undefined;
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

/** Which event an application came from: the key its writes are remembered under. */
export interface AppliedEventKey {
  provider: string;
  /** The provider's event id (the dedupe key with `provider`). */
  eventId: string;
}

/**
 * Everything one event changes, written by {@link IntegrityStore.applyEvent} all-or-nothing:
 * a crash leaves either all of it or none of it, never a record without its movements or audit entry.
 */
export interface EventApplication extends AppliedEventKey {
  /** The queue's id for the event. Where the queue lives in the same database, its row is settled `applied` in the same transaction. */
  queueId: string;
  /** The record's next state, written only if the stored version is still `expectedVersion` (undefined: absent). */
  record: Omit<RecordState, 'version'>;
  expectedVersion: number | undefined;
  /** Further records the change makes (a payment's money movements), each created once and never overwritten. */
  effects: readonly Omit<RecordState, 'version'>[];
  audit: AuditEntry;
}

/**
 * `applied`: everything was written. `conflict`: another writer changed the record since it was
 * read, and nothing was written. `already_applied`: this event's writes were made before (a
 * redelivery after a crash between the writes and the queue's acknowledgement), and nothing was written again.
 */
export type ApplyResult = 'applied' | 'conflict' | 'already_applied';

/**
 * The data the event path keeps besides the queue: idempotency keys, record states and the
 * audit trail. Implemented by the SQLite and PostgreSQL stores.
 */
export interface IntegrityStore extends IdempotencyStore {
  getRecord(key: RecordKey): Promise<RecordState | undefined>;
  /**
   * Writes `next` only if the stored version is still `expectedVersion` (undefined: the record
   * must not exist yet). False when another writer got there first. The whole state is replaced:
   * a write without a snapshot leaves none, since the old one described an earlier state.
   */
  putRecord(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean>;
  /** The matching record states ordered by `updatedAt`, then `recordId`. */
  listRecords(filter: RecordFilter): Promise<readonly RecordState[]>;
  /** Writes one event's record state, effects, audit entry and applied mark in one transaction; see {@link ApplyResult}. */
  applyEvent(application: EventApplication): Promise<ApplyResult>;
  /** Whether {@link applyEvent} has written this event's changes. */
  wasApplied(key: AppliedEventKey): Promise<boolean>;
  /** Forgets the applied marks of events applied before `before` (records and audit stay); resolves with how many. */
  pruneApplied(before: number): Promise<number>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter?: AuditFilter): Promise<readonly AuditEntry[]>;
  close(): Promise<void>;
}
