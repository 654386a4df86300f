import { describe, expect, it, vi } from 'vitest';
import { composeIntegrityStore, MemoryIdempotencyStore, type AuditEntry, type RecordState } from '../../src/index.js';

describe('composeIntegrityStore', () => {
  it('delegates every call to the engine’s tables and releases the engine once', async () => {
    const records = new Map<string, RecordState>();
    const audit: AuditEntry[] = [];
    const applied = new Set<string>();
    const close = vi.fn(() => Promise.resolve());
    const store = composeIntegrityStore({
      idempotency: new MemoryIdempotencyStore(),
      records: {
        get: (key) => Promise.resolve(records.get(key.recordId)),
        put: (next, expected) => {
          const current = records.get(next.recordId);
          if ((current?.version ?? undefined) !== expected) return Promise.resolve(false);
          records.set(next.recordId, { ...next, version: (current?.version ?? 0) + 1 });
          return Promise.resolve(true);
        },
        list: (filter) => Promise.resolve([...records.values()].filter((r) => r.provider === filter.provider && r.recordType === filter.recordType)),
      },
      audit: { append: (entry) => Promise.resolve(void audit.push(entry)), list: () => Promise.resolve(audit) },
      applications: { apply: (application) => Promise.resolve(applied.add(application.eventId) ? 'applied' : 'conflict'), wasApplied: (key) => Promise.resolve(applied.has(key.eventId)), prune: () => Promise.resolve(applied.size) },
      close,
    });
    await expect(store.begin('s', 'k', 'f', 0)).resolves.toEqual({ state: 'new' });
    await store.complete('s', 'k', { ok: true, status: 200, headers: {}, body: 1 }, 0);
    await expect(store.begin('s', 'k', 'f', 1)).resolves.toMatchObject({ state: 'completed' });
    await store.release('s', 'k');
    const key = { provider: 'p', recordType: 'payment', recordId: 'r1' };
    await expect(store.putRecord({ ...key, status: 'pending', updatedAt: 1, snapshot: '{"id":"r1"}' }, undefined)).resolves.toBe(true);
    await expect(store.putRecord({ ...key, status: 'succeeded', updatedAt: 2 }, undefined)).resolves.toBe(false);
    await expect(store.getRecord(key)).resolves.toMatchObject({ status: 'pending', version: 1, snapshot: '{"id":"r1"}' });
    await expect(store.listRecords({ provider: 'p', recordType: 'payment' })).resolves.toEqual([{ ...key, status: 'pending', updatedAt: 1, version: 1, snapshot: '{"id":"r1"}' }]);
    await store.appendAudit({ at: 1, actor: 'test', action: 'a', provider: 'p', outcome: 'ok' });
    await expect(store.listAudit()).resolves.toHaveLength(1);
    const application = { provider: 'p', eventId: 'e1', queueId: 'q1', record: { ...key, status: 'succeeded', updatedAt: 3 }, expectedVersion: 1, effects: [], audit: { at: 3, actor: 'test', action: 'apply', provider: 'p', outcome: 'applied' } };
    await expect(store.applyEvent(application)).resolves.toBe('applied');
    await expect(store.wasApplied({ provider: 'p', eventId: 'e1' })).resolves.toBe(true);
    await expect(store.pruneApplied(10)).resolves.toBe(1);
    await Promise.all([store.close(), store.close()]);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
