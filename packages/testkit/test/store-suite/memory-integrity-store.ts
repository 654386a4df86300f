import {
  MemoryIdempotencyStore,
  RECORD_LIST_LIMIT,
  type AppliedEventKey,
  type ApplyResult,
  type EventApplication,
  type AuditEntry, type AuditFilter, type IntegrityStore, type RecordFilter, type RecordKey, type RecordState } from '@interlock/core';

/** A reference IntegrityStore in memory, on core's MemoryIdempotencyStore. */
export class MemoryIntegrityStore extends MemoryIdempotencyStore implements IntegrityStore {
  private readonly records = new Map<string, RecordState>();
  private readonly audit: AuditEntry[] = [];
  private readonly applied = new Map<string, number>();

  /** Checks everything first, then writes without awaiting: nothing can come between the writes. */
  applyEvent(application: EventApplication): Promise<ApplyResult> {
    if (typeof application.audit.outcome !== 'string') return Promise.reject(new TypeError('audit entry without an outcome'));
    const mark = JSON.stringify([application.provider, application.eventId]);
    if (this.applied.has(mark)) return Promise.resolve('already_applied');
    if (this.records.get(recordId(application.record))?.version !== application.expectedVersion) return Promise.resolve('conflict');
    this.records.set(recordId(application.record), { ...application.record, version: (application.expectedVersion ?? 0) + 1 });
    for (const effect of application.effects) if (!this.records.has(recordId(effect))) this.records.set(recordId(effect), { ...effect, version: 1 });
    this.audit.push({ ...application.audit });
    this.applied.set(mark, application.audit.at);
    return Promise.resolve('applied');
  }

  pruneApplied(before: number): Promise<number> {
    let forgotten = 0;
    for (const [mark, at] of this.applied) if (at < before && this.applied.delete(mark)) forgotten++;
    return Promise.resolve(forgotten);
  }

  wasApplied(key: AppliedEventKey): Promise<boolean> {
    return Promise.resolve(this.applied.has(JSON.stringify([key.provider, key.eventId])));
  }

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

  listRecords(filter: RecordFilter): Promise<readonly RecordState[]> {
    const { updatedFrom = -Infinity, updatedTo = Infinity } = filter;
    const matching = [...this.records.values()]
      .filter((r) => r.provider === filter.provider && r.recordType === filter.recordType && r.updatedAt >= updatedFrom && r.updatedAt < updatedTo)
      // Ordinal, not locale, order: the SQL engines compare ids byte-wise.
      .sort((a, b) => a.updatedAt - b.updatedAt || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
    return Promise.resolve(matching.slice(0, filter.limit ?? RECORD_LIST_LIMIT).map((r) => ({ ...r })));
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
