import type { IntegrityStore, RecordFilter } from '@interlock/core';
import { expect } from 'vitest';
import type { IntegrityStoreHarness, StoreCheck } from '../harness.js';
import { T0, withStore } from './store-session.js';

const PAYMENTS = { provider: 'acme', recordType: 'payment' };

/**
 * acme payments written out of order, three of them at the same instant with ids whose order
 * differs between byte order and a locale's (`pay_B` sorts before `pay_a` only byte-wise), and
 * one neighbour of another provider and of another type at that instant.
 */
async function seed(store: IntegrityStore): Promise<void> {
  const writes = [
    { ...PAYMENTS, recordId: 'pay_3', updatedAt: T0 + 20 },
    { ...PAYMENTS, recordId: 'pay_a', updatedAt: T0 + 10 },
    { ...PAYMENTS, recordId: 'pay_9', updatedAt: T0 + 30 },
    { ...PAYMENTS, recordId: 'pay_B', updatedAt: T0 + 10 },
    { ...PAYMENTS, recordId: 'pay_0', updatedAt: T0 },
    { ...PAYMENTS, recordId: 'pay_1', updatedAt: T0 + 10 },
    { provider: 'globex', recordType: 'payment', recordId: 'pay_g', updatedAt: T0 + 10 },
    { provider: 'acme', recordType: 'refund', recordId: 're_1', updatedAt: T0 + 10 },
  ];
  for (const write of writes) await store.putRecord({ ...write, status: 'pending', snapshot: JSON.stringify({ id: write.recordId }) }, undefined);
}

/** Checks of listRecords: the filter, the updated window's edges, the order and the limit. */
export function recordListingChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'listRecords returns one provider and record type, ordered by updatedAt then recordId, each state whole',
      run: () =>
        withStore(create, async (store) => {
          expect(await store.listRecords(PAYMENTS)).toEqual([]);
          await seed(store);
          await store.putRecord({ ...PAYMENTS, recordId: 'pay_3', status: 'succeeded', updatedAt: T0 + 20, snapshot: '{"customer":"Müller GmbH"}' }, 1);
          const listed = await store.listRecords(PAYMENTS);
          expect(listed.map((r) => r.recordId)).toEqual(['pay_0', 'pay_1', 'pay_B', 'pay_a', 'pay_3', 'pay_9']);
          expect(listed[4]).toEqual({ ...PAYMENTS, recordId: 'pay_3', status: 'succeeded', updatedAt: T0 + 20, version: 2, snapshot: '{"customer":"Müller GmbH"}' });
          expect(await store.listRecords({ provider: 'globex', recordType: 'payment' })).toEqual([
            { provider: 'globex', recordType: 'payment', recordId: 'pay_g', status: 'pending', updatedAt: T0 + 10, version: 1, snapshot: '{"id":"pay_g"}' },
          ]);
          expect((await store.listRecords({ provider: 'acme', recordType: 'refund' })).map((r) => r.recordId)).toEqual(['re_1']);
          expect(await store.listRecords({ provider: 'initech', recordType: 'payment' })).toEqual([]);
        }),
    },
    {
      name: 'listRecords takes updatedFrom inclusive and updatedTo exclusive; limit keeps the earliest',
      run: () =>
        withStore(create, async (store) => {
          await seed(store);
          const ids = async (filter: Omit<RecordFilter, 'provider' | 'recordType'>): Promise<string[]> => (await store.listRecords({ ...PAYMENTS, ...filter })).map((r) => r.recordId);
          expect(await ids({ updatedFrom: T0 + 10, updatedTo: T0 + 30 })).toEqual(['pay_1', 'pay_B', 'pay_a', 'pay_3']);
          expect(await ids({ updatedFrom: T0 + 10 })).toEqual(['pay_1', 'pay_B', 'pay_a', 'pay_3', 'pay_9']);
          expect(await ids({ updatedTo: T0 + 10 })).toEqual(['pay_0']);
          expect(await ids({ updatedFrom: T0 + 30, updatedTo: T0 + 30 })).toEqual([]);
          expect(await ids({ limit: 2 })).toEqual(['pay_0', 'pay_1']);
          expect(await ids({ updatedFrom: T0 + 10, limit: 3 })).toEqual(['pay_1', 'pay_B', 'pay_a']);
        }),
    },
  ];
}
