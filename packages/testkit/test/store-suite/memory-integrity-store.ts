import { MemoryIdempotencyStore, type AuditEntry, type AuditFilter, type IntegrityStore, type RecordKey, type RecordState } from '@interlock/core';

/** A reference IntegrityStore in memory, on core's MemoryIdempotencyStore. */
export class MemoryIntegrityStore extends MemoryIdempotencyStore implements IntegrityStore {
  private readonly records = new Map<string, RecordState>();
  private readonly audit: AuditEntry[] = [];

  getRecord(key: RecordKey): Promise<RecordState | undefined> {
    const record = this.records.get(recordId(key));
    return Promise.resolve(record ? { ...record } : undefined);
  }

  putRecord(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    const current = this.records.get(recordId(next));
    if (current?.version !== expectedVersion) return Promise.resolve(false);
    this.records.set(recordId(next), { ...next, version: (expectedVersion ?? 0) + 1 });
    return Promise.resolve(true);
  }

  appendAudit(entry: AuditEntry): Promise<void> {
    this.audit.push({ ...entry });
    return Promise.resolve();
  }

  listAudit(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    const matching = this.audit
      .map((entry, seq) => ({ entry, seq }))
      .filter(({ entry }) => (filter.provider === undefined || entry.provider === filter.provider) && (filter.recordId === undefined || entry.recordId === filter.recordId) && (filter.eventId === undefined || entry.eventId === filter.eventId))
      .sort((a, b) => a.entry.at - b.entry.at || a.seq - b.seq)
      .map(({ entry }) => entry);
    return Promise.resolve(filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit)));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function recordId(key: RecordKey): string {
  return JSON.stringify([key.provider, key.recordType, key.recordId]);
}
