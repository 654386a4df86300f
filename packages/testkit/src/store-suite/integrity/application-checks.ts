import type { AuditEntry, EventApplication, IntegrityStore } from '@interlock/core';
import { expect } from 'vitest';
import type { IntegrityStoreHarness, StoreCheck } from '../harness.js';
import { T0, withStore } from './store-session.js';

const PAYMENT = { provider: 'acme', recordType: 'payment', recordId: 'pay_1' };
const MOVEMENT = { provider: 'acme', recordType: 'movement', recordId: 'mv_evt_1' };

function application(eventId: string, status: string, expectedVersion: number | undefined, at = T0): EventApplication {
  return {
    provider: 'acme',
    eventId,
    queueId: `q_${eventId}`,
    record: { ...PAYMENT, status, updatedAt: at, snapshot: JSON.stringify({ id: 'pay_1', status, customer: 'Łódź Sp. z o.o.' }) },
    expectedVersion,
    effects: [{ ...MOVEMENT, recordId: `mv_${eventId}`, status: 'captured', updatedAt: at, snapshot: '{"minor":1250,"currency":"EUR"}' }],
    audit: { at, actor: 'worker:suite', action: `apply ${status}`, ...PAYMENT, eventId, outcome: 'applied', detail: `-> ${status}` },
  };
}

async function appliedEntries(store: IntegrityStore, eventId: string): Promise<readonly AuditEntry[]> {
  return (await store.listAudit({ eventId })).filter((entry) => entry.outcome === 'applied');
}

/** Checks of applyEvent: one event's writes happen all together, once, or not at all. */
export function applicationChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'applyEvent writes the record, its effects, its audit entry and the applied mark',
      run: () =>
        withStore(create, async (store) => {
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_1' })).toBe(false);
          expect(await store.applyEvent(application('evt_1', 'succeeded', undefined))).toBe('applied');
          expect(await store.getRecord(PAYMENT)).toMatchObject({ status: 'succeeded', version: 1 });
          expect(await store.getRecord(MOVEMENT)).toMatchObject({ status: 'captured', version: 1, snapshot: '{"minor":1250,"currency":"EUR"}' });
          expect(await appliedEntries(store, 'evt_1')).toHaveLength(1);
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_1' })).toBe(true);
          expect(await store.wasApplied({ provider: 'other', eventId: 'evt_1' })).toBe(false);
        }),
    },
    {
      name: 'applyEvent of an event already applied writes nothing again, whatever it carries',
      run: () =>
        withStore(create, async (store) => {
          await store.applyEvent(application('evt_1', 'succeeded', undefined));
          const again = application('evt_1', 'refunded', 1, T0 + 5);
          expect(await store.applyEvent(again)).toBe('already_applied');
          expect(await store.getRecord(PAYMENT)).toMatchObject({ status: 'succeeded', version: 1 });
          expect(await appliedEntries(store, 'evt_1')).toHaveLength(1);
        }),
    },
    {
      name: 'applyEvent with a stale version writes nothing at all: no effect, no audit entry, no mark',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...PAYMENT, status: 'pending', updatedAt: T0 }, undefined);
          expect(await store.applyEvent(application('evt_2', 'succeeded', undefined))).toBe('conflict');
          expect(await store.getRecord({ ...MOVEMENT, recordId: 'mv_evt_2' })).toBeUndefined();
          expect(await store.listAudit({ eventId: 'evt_2' })).toHaveLength(0);
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_2' })).toBe(false);
          expect(await store.applyEvent(application('evt_2', 'succeeded', 1))).toBe('applied');
          expect(await store.getRecord(PAYMENT)).toMatchObject({ status: 'succeeded', version: 2 });
        }),
    },
    {
      name: 'an effect that already exists is kept as it is, and the event still applies',
      run: () =>
        withStore(create, async (store) => {
          await store.putRecord({ ...MOVEMENT, recordId: 'mv_evt_3', status: 'captured', updatedAt: T0, snapshot: '{"first":true}' }, undefined);
          expect(await store.applyEvent(application('evt_3', 'succeeded', undefined))).toBe('applied');
          expect(await store.getRecord({ ...MOVEMENT, recordId: 'mv_evt_3' })).toMatchObject({ version: 1, snapshot: '{"first":true}' });
        }),
    },
    {
      name: 'an application that fails part-way leaves nothing behind: no record without its effects and audit entry',
      run: () =>
        withStore(create, async (store) => {
          const broken = application('evt_4', 'succeeded', undefined);
          // The last write cannot be stored (an audit entry without its required outcome): the
          // record and the effect written before it must be undone with it.
          const audit = { ...broken.audit, outcome: null } as unknown as AuditEntry;
          await expect(store.applyEvent({ ...broken, audit })).rejects.toBeDefined();
          expect(await store.getRecord(PAYMENT)).toBeUndefined();
          expect(await store.getRecord({ ...MOVEMENT, recordId: 'mv_evt_4' })).toBeUndefined();
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_4' })).toBe(false);
          expect(await store.applyEvent(broken)).toBe('applied');
        }),
    },
    {
      name: 'pruneApplied forgets the applied marks older than the cutoff, and keeps the records and the audit trail',
      run: () =>
        withStore(create, async (store) => {
          await store.applyEvent(application('evt_old', 'succeeded', undefined, T0));
          await store.applyEvent({ ...application('evt_new', 'refunded', 1, T0 + 10_000), effects: [] });
          expect(await store.pruneApplied(T0 + 1)).toBe(1);
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_old' })).toBe(false);
          expect(await store.wasApplied({ provider: 'acme', eventId: 'evt_new' })).toBe(true);
          expect(await store.getRecord(PAYMENT)).toMatchObject({ status: 'refunded' });
          expect(await appliedEntries(store, 'evt_old')).toHaveLength(1);
        }),
    },
    {
      name: 'of concurrent applications of one event, exactly one writes',
      run: () =>
        withStore(create, async (store) => {
          const results = await Promise.all(Array.from({ length: 8 }, () => store.applyEvent(application('evt_5', 'succeeded', undefined))));
          expect(results.filter((result) => result === 'applied')).toHaveLength(1);
          expect(results.every((result) => result === 'applied' || result === 'already_applied' || result === 'conflict')).toBe(true);
          expect(await appliedEntries(store, 'evt_5')).toHaveLength(1);
          expect(await store.getRecord(PAYMENT)).toMatchObject({ version: 1 });
        }),
    },
  ];
}
