import { expect } from 'vitest';
import type { IntegrityStoreHarness, StoreCheck } from '../harness.js';
import { T0, withStore } from './store-session.js';

const KEY = { provider: 'acme', recordType: 'payment', recordId: 'pay_1' };

/** A canonical payment as the hub would store it, with text that only survives exact UTF-8 storage. */
function snapshot(status: string): string {
  return JSON.stringify({ id: 'pay_1', reference: 'order-7', status, amount: { minor: 1250, currency: 'EUR' }, customer: 'Müller GmbH', city: '東京', note: 'ok 🚀' });
}

/** Checks of record states: reads, compare-and-set writes and snapshots. */
export function recordChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'getRecord is undefined for a record never written',
      run: () =>
        withStore(create, async (store) => {
          expect(await store.getRecord(KEY)).toBeUndefined();
        }),
    },
    {
      name: 'putRecord with no expected version creates the record at version 1, only if absent',
      run: () =>
        withStore(create, async (store) => {
          expect(await store.putRecord({ ...KEY, status: 'pending', updatedAt: T0 }, undefined)).toBe(true);
          expect(await store.getRecord(KEY)).toEqual({ ...KEY, status: 'pending', updatedAt: T0, version: 1 });
          expect(await store.putRecord({ ...KEY, status: 'succeeded', updatedAt: T0 + 1 }, undefined)).toBe(false);
          expect((await store.getRecord(KEY))?.status).toBe('pending');
        }),
    },
    {
      name: 'putRecord with the stored version writes and bumps it; a stale or made-up version is refused',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...KEY, status: 'pending', updatedAt: T0 }, undefined);
          expect(await store.putRecord({ ...KEY, status: 'processing', updatedAt: T0 + 1 }, 1)).toBe(true);
          expect(await store.getRecord(KEY)).toEqual({ ...KEY, status: 'processing', updatedAt: T0 + 1, version: 2 });
          expect(await store.putRecord({ ...KEY, status: 'failed', updatedAt: T0 + 2 }, 1)).toBe(false);
          expect(await store.putRecord({ ...KEY, status: 'failed', updatedAt: T0 + 2 }, 7)).toBe(false);
          expect(await store.putRecord({ ...KEY, recordId: 'pay_absent', status: 'failed', updatedAt: T0 }, 1)).toBe(false);
          expect(await store.getRecord({ ...KEY, recordId: 'pay_absent' })).toBeUndefined();
          expect(await store.putRecord({ ...KEY, status: 'succeeded', updatedAt: T0 + 3 }, 2)).toBe(true);
          expect(await store.getRecord(KEY)).toEqual({ ...KEY, status: 'succeeded', updatedAt: T0 + 3, version: 3 });
        }),
    },
    {
      name: 'of concurrent writers expecting the same version, exactly one wins',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...KEY, status: 'pending', updatedAt: T0 }, undefined);
          const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putRecord({ ...KEY, status: `s${i}`, updatedAt: T0 + i }, 1)));
          expect(results.filter(Boolean)).toHaveLength(1);
          expect((await store.getRecord(KEY))?.version).toBe(2);
          const creators = await Promise.all(Array.from({ length: 10 }, (_, i) => store.putRecord({ ...KEY, recordId: 'pay_new', status: `s${i}`, updatedAt: T0 }, undefined)));
          expect(creators.filter(Boolean)).toHaveLength(1);
        }),
    },
    {
      name: 'records are keyed by provider, record type and record id together',
      run: () =>
        withStore(create, async (store) => {
          const keys = [KEY, { ...KEY, provider: 'globex' }, { ...KEY, recordType: 'refund' }, { ...KEY, recordId: 'pay_2' }];
          for (const [i, key] of keys.entries()) expect(await store.putRecord({ ...key, status: `s${i}`, updatedAt: T0 + i }, undefined)).toBe(true);
          for (const [i, key] of keys.entries()) expect(await store.getRecord(key)).toEqual({ ...key, status: `s${i}`, updatedAt: T0 + i, version: 1 });
        }),
    },
    {
      name: 'putRecord keeps the snapshot exactly (UTF-8 included); a record written without one reads back without one',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...KEY, status: 'pending', updatedAt: T0, snapshot: snapshot('pending') }, undefined);
          expect(await store.getRecord(KEY)).toEqual({ ...KEY, status: 'pending', updatedAt: T0, version: 1, snapshot: snapshot('pending') });
          const bare = { ...KEY, recordId: 'pay_bare' };
          await store.putRecord({ ...bare, status: 'pending', updatedAt: T0 }, undefined);
          expect(await store.getRecord(bare)).toStrictEqual({ ...bare, status: 'pending', updatedAt: T0, version: 1 });
        }),
    },
    {
      name: 'a compare-and-set update replaces the snapshot; a refused one keeps it; an update without one clears it',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...KEY, status: 'pending', updatedAt: T0, snapshot: snapshot('pending') }, undefined);
          expect(await store.putRecord({ ...KEY, status: 'succeeded', updatedAt: T0 + 1, snapshot: snapshot('succeeded') }, 1)).toBe(true);
          expect((await store.getRecord(KEY))?.snapshot).toBe(snapshot('succeeded'));
          expect(await store.putRecord({ ...KEY, status: 'failed', updatedAt: T0 + 2, snapshot: snapshot('failed') }, 1)).toBe(false);
          expect((await store.getRecord(KEY))?.snapshot).toBe(snapshot('succeeded'));
          // The old snapshot described the old state, so a write without one must not keep it.
          expect(await store.putRecord({ ...KEY, status: 'refunded', updatedAt: T0 + 3 }, 2)).toBe(true);
          expect(await store.getRecord(KEY)).toStrictEqual({ ...KEY, status: 'refunded', updatedAt: T0 + 3, version: 3 });
        }),
    },
  ];
}
