import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { AuditEntry, AuditFilter, IntegrityStore, RecordFilter, RecordKey, RecordState } from './integrity-store.js';

/** Record states with compare-and-set: the part of an IntegrityStore an engine writes itself. */
export interface RecordStateTable {
  get(key: RecordKey): Promise<RecordState | undefined>;
  put(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean>;
  list(filter: RecordFilter): Promise<readonly RecordState[]>;
}

/** The audit trail: oldest first, ties in append order; `limit` keeps the most recent entries. */
export interface AuditTable {
  append(entry: AuditEntry): Promise<void>;
  list(filter?: AuditFilter): Promise<readonly AuditEntry[]>;
}

/**
 * One IntegrityStore from an engine's three tables. Every engine delegates the same way, so the
 * delegation lives here once; `close` runs the engine's release exactly once.
 */
export function composeIntegrityStore(parts: {
  idempotency: IdempotencyStore;
  records: RecordStateTable;
  audit: AuditTable;
  close(): Promise<void>;
}): IntegrityStore {
  const { idempotency, records, audit } = parts;
  let closing: Promise<void> | undefined;
  return {
    begin: (scope, key, fingerprint, now) => idempotency.begin(scope, key, fingerprint, now),
    complete: (scope, key, outcome, now) => idempotency.complete(scope, key, outcome, now),
    release: (scope, key) => idempotency.release(scope, key),
    getRecord: (key) => records.get(key),
    putRecord: (next, expectedVersion) => records.put(next, expectedVersion),
    listRecords: (filter) => records.list(filter),
    appendAudit: (entry) => audit.append(entry),
    listAudit: (filter) => audit.list(filter),
    close: () => (closing ??= parts.close()),
  };
}
