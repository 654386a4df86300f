import type { StoredOutcome } from '@interlock/core';
import { expect } from 'vitest';
import type { IntegrityStoreHarness, StoreCheck } from '../harness.js';
import { T0, withStore } from './store-session.js';

const SUCCESS: StoredOutcome = {
  ok: true,
  status: 201,
  headers: { 'content-type': 'application/json', 'request-id': 'req_1' },
  body: { id: 'pay_1', amount: 1250, currency: 'EUR', customer: 'Müller GmbH', city: '東京', tags: ['a', null, 3.5, true] },
};
const FAILURE: StoredOutcome = { ok: false, error: { kind: 'business_rejected', code: 'card_declined', message: 'Karte abgelehnt — 東京' } };

/** Checks of the IdempotencyStore half: claims, replays, mismatches, release, lock timeout and TTL. */
export function idempotencyChecks(create: () => Promise<IntegrityStoreHarness>): StoreCheck[] {
  return [
    {
      name: "begin claims a new key ('new'), then the same key is 'in_progress'; scopes and keys never blur",
      run: () =>
        withStore(create, async (store) => {
          await expect(store.begin('acme:POST /payments', 'key-1', 'fp-a', T0)).resolves.toEqual({ state: 'new' });
          await expect(store.begin('acme:POST /payments', 'key-1', 'fp-a', T0 + 1)).resolves.toEqual({ state: 'in_progress' });
          await expect(store.begin('acme:POST /refunds', 'key-1', 'fp-a', T0)).resolves.toEqual({ state: 'new' });
          await expect(store.begin('acme:POST /payments', 'key-2', 'fp-a', T0)).resolves.toEqual({ state: 'new' });
          // Joining scope and key naively would make these two the same entry.
          await expect(store.begin('a|b', 'c', 'fp', T0)).resolves.toEqual({ state: 'new' });
          await expect(store.begin('a', 'b|c', 'fp', T0)).resolves.toEqual({ state: 'new' });
        }),
    },
    {
      name: "a different fingerprint is a 'mismatch' naming the stored one, whether in progress or completed",
      run: () =>
        withStore(create, async (store) => {
          await store.begin('s', 'k', 'fp-a', T0);
          await expect(store.begin('s', 'k', 'fp-b', T0 + 1)).resolves.toEqual({ state: 'mismatch', storedFingerprint: 'fp-a' });
          await store.complete('s', 'k', SUCCESS, T0 + 2);
          await expect(store.begin('s', 'k', 'fp-b', T0 + 3)).resolves.toEqual({ state: 'mismatch', storedFingerprint: 'fp-a' });
        }),
    },
    {
      name: "complete stores the outcome and begin replays it exactly ('completed'), success or failure",
      run: () =>
        withStore(create, async (store) => {
          await store.begin('s', 'ok', 'fp', T0);
          await store.complete('s', 'ok', SUCCESS, T0 + 5);
          await expect(store.begin('s', 'ok', 'fp', T0 + 10)).resolves.toEqual({ state: 'completed', outcome: SUCCESS });
          await store.begin('s', 'failed', 'fp', T0);
          await store.complete('s', 'failed', FAILURE, T0 + 5);
          await expect(store.begin('s', 'failed', 'fp', T0 + 10)).resolves.toEqual({ state: 'completed', outcome: FAILURE });
        }),
    },
    {
      name: 'release frees an in-progress claim but keeps a completed outcome',
      run: () =>
        withStore(create, async (store) => {
          await store.begin('s', 'transient', 'fp', T0);
          await store.release('s', 'transient');
          await expect(store.begin('s', 'transient', 'fp', T0 + 1)).resolves.toEqual({ state: 'new' });
          await store.begin('s', 'done', 'fp', T0);
          await store.complete('s', 'done', SUCCESS, T0 + 1);
          await store.release('s', 'done');
          await expect(store.begin('s', 'done', 'fp', T0 + 2)).resolves.toEqual({ state: 'completed', outcome: SUCCESS });
          await expect(store.release('s', 'never-claimed')).resolves.toBeUndefined();
        }),
    },
    {
      name: 'an in-progress claim older than the lock timeout counts as abandoned and may be claimed again',
      run: () =>
        withStore(create, async (store, { lockTimeoutMs }) => {
          await store.begin('s', 'k', 'fp', T0);
          await expect(store.begin('s', 'k', 'fp', T0 + lockTimeoutMs - 1)).resolves.toEqual({ state: 'in_progress' });
          await expect(store.begin('s', 'k', 'fp', T0 + lockTimeoutMs)).resolves.toEqual({ state: 'new' });
          // The new claim holds the key again.
          await expect(store.begin('s', 'k', 'fp', T0 + lockTimeoutMs + 1)).resolves.toEqual({ state: 'in_progress' });
          await store.complete('s', 'k', SUCCESS, T0 + lockTimeoutMs + 2);
          await expect(store.begin('s', 'k', 'fp', T0 + 3 * lockTimeoutMs)).resolves.toEqual({ state: 'completed', outcome: SUCCESS });
        }),
    },
    {
      name: 'a key is forgotten ttlMs after its first claim, whatever happened to it since',
      run: () =>
        withStore(create, async (store, { ttlMs, lockTimeoutMs }) => {
          await store.begin('s', 'done', 'fp', T0);
          await store.complete('s', 'done', SUCCESS, T0 + 1);
          await expect(store.begin('s', 'done', 'fp', T0 + ttlMs - 1)).resolves.toEqual({ state: 'completed', outcome: SUCCESS });
          await expect(store.begin('s', 'done', 'fp', T0 + ttlMs)).resolves.toEqual({ state: 'new' });
          // A forgotten key takes any payload: it is a fresh claim.
          await store.begin('s', 'other', 'fp-a', T0);
          await expect(store.begin('s', 'other', 'fp-b', T0 + ttlMs)).resolves.toEqual({ state: 'new' });
          // Re-claiming after the lock timeout does not extend the TTL (else this would be a mismatch).
          await store.begin('s', 'stuck', 'fp-a', T0);
          await expect(store.begin('s', 'stuck', 'fp-a', T0 + lockTimeoutMs)).resolves.toEqual({ state: 'new' });
          await expect(store.begin('s', 'stuck', 'fp-b', T0 + ttlMs)).resolves.toEqual({ state: 'new' });
        }),
    },
    {
      name: 'complete without a live claim (never claimed, or forgotten during the run) stores nothing',
      run: () =>
        withStore(create, async (store, { ttlMs }) => {
          await store.complete('s', 'never', SUCCESS, T0);
          await expect(store.begin('s', 'never', 'fp', T0 + 1)).resolves.toEqual({ state: 'new' });
          await store.begin('s', 'slow', 'fp', T0);
          await store.complete('s', 'slow', SUCCESS, T0 + ttlMs);
          await expect(store.begin('s', 'slow', 'fp', T0 + ttlMs + 1)).resolves.toEqual({ state: 'new' });
        }),
    },
  ];
}
