import { systemClock, type Clock } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/index.js';
import { eventQueueChecks, integrityStoreChecks, runEventQueueSuite, runIntegrityStoreSuite, type EventQueueHarness, type StoreCheck } from '../src/vitest.js';
import { MemoryEventQueue, MemoryQueueStorage } from './store-suite/memory-event-queue.js';
import { MemoryIntegrityStore } from './store-suite/memory-integrity-store.js';

function memoryHarness(faults: MemoryQueueStorage['faults'] = {}, clock: () => Clock = () => new FakeClock()): () => Promise<EventQueueHarness> {
  return () => {
    const storage = new MemoryQueueStorage();
    storage.faults = faults;
    const queueClock = clock();
    // A real clock needs a short poll, as a real engine's harness would configure.
    const open = (): MemoryEventQueue => new MemoryEventQueue(storage, queueClock, queueClock === systemClock ? 10 : 50);
    const queues = [open()];
    return Promise.resolve({
      queue: queues[0] as MemoryEventQueue,
      clock: queueClock,
      reopen: () => {
        const queue = open();
        queues.push(queue);
        return Promise.resolve(queue);
      },
      cleanup: async () => {
        await Promise.all(queues.map((q) => q.close()));
      },
    });
  };
}

runEventQueueSuite('memory reference (fake clock)', memoryHarness());
runEventQueueSuite('memory reference (real clock)', memoryHarness({}, () => systemClock));
runIntegrityStoreSuite('memory reference', () => Promise.resolve({ store: new MemoryIntegrityStore(), cleanup: () => Promise.resolve() }));

function check(checks: StoreCheck[], name: string): StoreCheck {
  const found = checks.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}

describe('the store suites catch broken engines', () => {
  it('a queue that forgets dedupe fails the duplicate checks', async () => {
    const checks = eventQueueChecks(memoryHarness({ forgetDedupe: true }));
    await expect(check(checks, 'accept answers').run()).rejects.toThrow();
    await expect(check(checks, '1,000 events').run()).rejects.toThrow();
  });

  it('a queue that lets a worker past its lease overwrite the outcome fails the lease check', async () => {
    const checks = eventQueueChecks(memoryHarness({ unfencedCompletion: true }));
    await expect(check(checks, 'an event whose worker never finishes').run()).rejects.toThrow();
  });

  it('a queue whose retention forgets dead letters fails the retention check', async () => {
    const checks = eventQueueChecks(memoryHarness({ pruneDead: true }));
    await expect(check(checks, 'prune forgets settled events').run()).rejects.toThrow();
  });

  it('a queue that lists oldest first fails the list check', async () => {
    const checks = eventQueueChecks(memoryHarness({ listOldestFirst: true }));
    await expect(check(checks, 'list is newest first').run()).rejects.toThrow();
  });

  it('a queue that corrects an event that is not dead fails the correct check', async () => {
    const checks = eventQueueChecks(memoryHarness({ correctAnyStatus: true }));
    await expect(check(checks, "correct replaces a dead event's payload").run()).rejects.toThrow();
  });

  it('an integrity store that writes an event piece by piece fails the all-or-nothing check', async () => {
    class PieceByPiece extends MemoryIntegrityStore {
      override async applyEvent(application: Parameters<MemoryIntegrityStore['applyEvent']>[0]) {
        // The bug the check guards against: the record is written before the part that fails.
        if (!(await this.putRecord(application.record, application.expectedVersion))) return 'conflict' as const;
        return super.applyEvent({ ...application, expectedVersion: (application.expectedVersion ?? 0) + 1 });
      }
    }
    const checks = integrityStoreChecks(() => Promise.resolve({ store: new PieceByPiece(), cleanup: () => Promise.resolve() }));
    await expect(check(checks, 'an application that fails part-way').run()).rejects.toThrow();
  });

  it('an integrity store whose limit keeps the oldest entries fails the ordering check', async () => {
    class OldestFirst extends MemoryIntegrityStore {
      override async listAudit(filter: Parameters<MemoryIntegrityStore['listAudit']>[0] = {}) {
        const { limit, ...rest } = filter;
        return (await super.listAudit(rest)).slice(0, limit);
      }
    }
    const checks = integrityStoreChecks(() => Promise.resolve({ store: new OldestFirst(), cleanup: () => Promise.resolve() }));
    await expect(check(checks, 'listAudit is oldest first').run()).rejects.toThrow();
  });

  it('an integrity store whose updated window includes its end fails the listing check', async () => {
    class InclusiveEnd extends MemoryIntegrityStore {
      override listRecords(filter: Parameters<MemoryIntegrityStore['listRecords']>[0]) {
        return super.listRecords({ ...filter, updatedTo: filter.updatedTo === undefined ? undefined : filter.updatedTo + 1 });
      }
    }
    const checks = integrityStoreChecks(() => Promise.resolve({ store: new InclusiveEnd(), cleanup: () => Promise.resolve() }));
    await expect(check(checks, 'listRecords takes updatedFrom inclusive').run()).rejects.toThrow();
  });

  it('an idempotency store with a shorter TTL than declared fails the TTL check', async () => {
    const checks = integrityStoreChecks(() => Promise.resolve({ store: new MemoryIntegrityStore({ ttlMs: 60 * 60 * 1000 }), cleanup: () => Promise.resolve() }));
    await expect(check(checks, 'a key is forgotten').run()).rejects.toThrow();
  });
});
