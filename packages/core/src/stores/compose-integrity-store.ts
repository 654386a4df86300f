import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { AppliedEventKey, ApplyResult, AuditEntry, AuditFilter, EventApplication, IntegrityStore, RecordFilter, RecordKey, RecordState } from './integrity-store.js';

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

/** The all-or-nothing write of one event's changes, in the engine's own transaction. */
export interface EventApplications {
  apply(application: EventApplication): Promise<ApplyResult>;
  wasApplied(key: AppliedEventKey): Promise<boolean>;
  prune(before: number): Promise<number>;
}

/**
 * One IntegrityStore from an engine's tables. Every engine delegates the same way, so the
 * delegation lives here once; `close` runs the engine's release exactly once.
 */
export function composeIntegrityStore(parts: {
  idempotency: IdempotencyStore;
  records: RecordStateTable;
  audit: AuditTable;
  applications: EventApplications;
  close(): Promise<void>;
}): IntegrityStore {
  const { idempotency, records, audit, applications } = parts;
  let closing: Promise<void> | undefined;
  return {
    begin: (scope, key, fingerprint, now) => idempotency.begin(scope, key, fingerprint, now),
    complete: (scope, key, outcome, now) => idempotency.complete(scope, key, outcome, now),
    release: (scope, key) => idempotency.release(scope, key),
    getRecord: (key) => records.get(key),
    putRecord: (next, expectedVersion) => records.put(next, expectedVersion),
    listRecords: (filter) => records.list(filter),
    applyEvent: (application) => applications.apply(application),
    wasApplied: (key) => applications.wasApplied(key),
    pruneApplied: (before) => applications.prune(before),
    appendAudit: (entry) => audit.append(entry),
    listAudit: (filter) => audit.list(filter),
    close: () => (closing ??= parts.close()),
  };
}
