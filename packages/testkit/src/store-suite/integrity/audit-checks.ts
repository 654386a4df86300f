import type { AuditEntry } from '@interlock/core';
import { expect } from 'vitest';
import type { IntegrityStoreHarness, StoreCheck } from '../harness.js';
import { T0, withStore } from './store-session.js';

const FULL: AuditEntry = {
  at: T0,
  actor: 'worker:hub-1',
  action: 'apply payment.updated',
  provider: 'acme',
  recordType: 'payment',
  recordId: 'pay_1',
  eventId: 'evt_1',
  payloadVersion: '2024-06-20',
  attempts: 2,
  outcome: 'applied',
  correlationId: 'req_1',
  detail: 'pending -> succeeded (Müller GmbH, 東京)',
};

function entry(at: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { at, actor: 'cli', action: 'note', provider: 'acme', outcome: 'ok', ...overrides };
}

/** Checks of the audit trail: every field kept, chronological order, filters and limits. */
export function auditChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [
    {
      name: 'appendAudit keeps every field exactly; optional fields left out stay absent',
      run: () =>
        withStore(create, async (store) => {
          await store.appendAudit(FULL);
          const minimal = entry(T0 + 1);
          await store.appendAudit(minimal);
          const listed = await store.listAudit();
          expect(listed).toEqual([FULL, minimal]);
          for (const key of ['recordType', 'recordId', 'eventId', 'payloadVersion', 'attempts', 'correlationId', 'detail'] as const) {
            expect(listed[1]?.[key]).toBeUndefined();
          }
        }),
    },
    {
      name: 'listAudit is oldest first (ties in append order); limit keeps the most recent entries',
      run: () =>
        withStore(create, async (store) => {
          expect(await store.listAudit()).toEqual([]);
          // Appended out of time order, as two workers' clocks allow.
          const appended = [entry(T0 + 30, { detail: 'c' }), entry(T0 + 10, { detail: 'a' }), entry(T0 + 20, { detail: 'b1' }), entry(T0 + 20, { detail: 'b2' })];
          for (const e of appended) await store.appendAudit(e);
          expect((await store.listAudit()).map((e) => e.detail)).toEqual(['a', 'b1', 'b2', 'c']);
          expect((await store.listAudit({ limit: 2 })).map((e) => e.detail)).toEqual(['b2', 'c']);
          expect((await store.listAudit({ limit: 10 })).map((e) => e.detail)).toEqual(['a', 'b1', 'b2', 'c']);
        }),
    },
    {
      name: 'listAudit filters by provider, recordId and eventId, alone or together',
      run: () =>
        withStore(create, async (store) => {
          const entries = [
            entry(T0 + 1, { provider: 'acme', recordId: 'pay_1', eventId: 'evt_1', detail: '1' }),
            entry(T0 + 2, { provider: 'acme', recordId: 'pay_1', eventId: 'evt_2', detail: '2' }),
            entry(T0 + 3, { provider: 'acme', recordId: 'pay_2', eventId: 'evt_3', detail: '3' }),
            entry(T0 + 4, { provider: 'globex', recordId: 'pay_1', eventId: 'evt_1', detail: '4' }),
            entry(T0 + 5, { provider: 'globex', detail: '5' }),
          ];
          for (const e of entries) await store.appendAudit(e);
          const details = async (filter: Parameters<typeof store.listAudit>[0]): Promise<(string | undefined)[]> => (await store.listAudit(filter)).map((e) => e.detail);
          expect(await details({ provider: 'acme' })).toEqual(['1', '2', '3']);
          expect(await details({ recordId: 'pay_1' })).toEqual(['1', '2', '4']);
          expect(await details({ eventId: 'evt_1' })).toEqual(['1', '4']);
          expect(await details({ provider: 'globex', recordId: 'pay_1' })).toEqual(['4']);
          expect(await details({ provider: 'acme', recordId: 'pay_1', eventId: 'evt_2' })).toEqual(['2']);
          expect(await details({ provider: 'acme', limit: 1 })).toEqual(['3']);
          expect(await details({ provider: 'initech' })).toEqual([]);
        }),
    },
  ];
}
