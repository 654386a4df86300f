import { describe, expect, it } from 'vitest';
import { MemoryIdempotencyStore, type StoredOutcome } from '../../src/idempotency/index.js';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 60 * 60 * 1000;
const success: StoredOutcome = { ok: true, status: 201, headers: { 'content-type': 'application/json' }, body: { id: 'ch_1' } };
const failure: StoredOutcome = { ok: false, error: { kind: 'business_rejected', reason: 'provider_code_card_declined' } };

describe('MemoryIdempotencyStore', () => {
  it('gives a new key to the first caller and the stored outcome to later ones', async () => {
    const store = new MemoryIdempotencyStore();
    expect(await store.begin('stripe:charges', 'k1', 'fp', T0)).toEqual({ state: 'new' });
    await store.complete('stripe:charges', 'k1', success, T0 + 10);
    expect(await store.begin('stripe:charges', 'k1', 'fp', T0 + 20)).toEqual({ state: 'completed', outcome: success });
  });

  it('replaces the outcome of a key completed again', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    await store.complete('s', 'k', failure, T0);
    await store.complete('s', 'k', success, T0 + 1);
    expect(await store.begin('s', 'k', 'fp', T0 + 2)).toEqual({ state: 'completed', outcome: success });
  });

  it('replays permanent failures too', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    await store.complete('s', 'k', failure, T0);
    expect(await store.begin('s', 'k', 'fp', T0 + 1)).toEqual({ state: 'completed', outcome: failure });
  });

  it('reports a key that is still running', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    expect(await store.begin('s', 'k', 'fp', T0 + 59_999)).toEqual({ state: 'in_progress' });
  });

  it('lets an abandoned claim be re-claimed after the lock timeout, and holds the new claim', async () => {
    const store = new MemoryIdempotencyStore({ lockTimeoutMs: 1000 });
    await store.begin('s', 'k', 'fp', T0);
    expect(await store.begin('s', 'k', 'fp', T0 + 1000)).toEqual({ state: 'new' });
    expect(await store.begin('s', 'k', 'fp', T0 + 1500)).toEqual({ state: 'in_progress' });
  });

  it('reports a key reused with a different payload, running or completed', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp-a', T0);
    expect(await store.begin('s', 'k', 'fp-b', T0 + 1)).toEqual({ state: 'mismatch', storedFingerprint: 'fp-a' });
    await store.complete('s', 'k', success, T0 + 2);
    expect(await store.begin('s', 'k', 'fp-b', T0 + 3)).toEqual({ state: 'mismatch', storedFingerprint: 'fp-a' });
  });

  it('frees a released key for another try with the same key', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    await store.release('s', 'k');
    expect(await store.begin('s', 'k', 'fp', T0 + 1)).toEqual({ state: 'new' });
  });

  it('keeps a completed outcome when released', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    await store.complete('s', 'k', success, T0);
    await store.release('s', 'k');
    expect(await store.begin('s', 'k', 'fp', T0 + 1)).toEqual({ state: 'completed', outcome: success });
  });

  it('keeps scopes apart', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('stripe:charges', 'k', 'fp', T0);
    expect(await store.begin('stripe:refunds', 'k', 'other', T0)).toEqual({ state: 'new' });
    expect(await store.begin('a', 'b:c', 'fp', T0)).toEqual({ state: 'new' });
    expect(await store.begin('a:b', 'c', 'fp', T0)).toEqual({ state: 'new' });
  });

  it('forgets keys 24 hours after their first claim by default', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('s', 'k', 'fp', T0);
    await store.complete('s', 'k', success, T0 + HOUR);
    expect(await store.begin('s', 'k', 'fp', T0 + 24 * HOUR - 1)).toEqual({ state: 'completed', outcome: success });
    expect(await store.begin('s', 'k', 'other', T0 + 24 * HOUR)).toEqual({ state: 'new' });
  });

  it('drops expired keys as time passes, not only when they are looked up', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 1000 });
    await store.begin('s', 'a', 'fp', T0);
    await store.begin('s', 'b', 'fp', T0 + 500);
    await store.begin('s', 'c', 'fp', T0 + 900);
    expect(store.size).toBe(3);
    await store.complete('s', 'c', success, T0 + 1600);
    expect(store.size).toBe(1);
  });

  it('expires a key found out of order after the wall clock stepped back', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 1000 });
    await store.begin('s', 'late', 'fp', T0 + 500);
    await store.begin('s', 'early', 'fp', T0);
    expect(await store.begin('s', 'early', 'fp2', T0 + 1200)).toEqual({ state: 'new' });
  });

  it('ignores an outcome for a key it no longer remembers', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 1000 });
    await store.begin('s', 'k', 'fp', T0);
    await store.complete('s', 'k', success, T0 + 1000);
    expect(store.size).toBe(0);
    await store.complete('s', 'never-claimed', success, T0 + 1000);
    expect(store.size).toBe(0);
  });
});
