import { describe, expect, it } from 'vitest';
import { createOrFind, IntegrationError, MemoryIdempotencyStore, MemoryTelemetrySink, type IntegrationErrorContext } from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';

const scope = { provider: 'razorpay', endpoint: 'createOrder' };

function failure(kind: 'unavailable' | 'network' | 'invalid_request', context: Partial<IntegrationErrorContext> = {}): IntegrationError {
  return new IntegrationError(kind, `${kind} failure`, { ...scope, reason: `test_${kind}`, ...context });
}

/** A provider with no idempotency for creates: `plan` says what each attempt does. */
function provider(plan: readonly ('ok' | 'lost' | 'failed' | 'refused' | 'rejected')[]) {
  const created: string[] = [];
  let calls = 0;
  let finds = 0;
  return {
    created,
    get calls() {
      return calls;
    },
    get finds() {
      return finds;
    },
    create: async () => {
      const step = plan[calls++] ?? 'ok';
      if (step === 'refused') throw failure('network', { requestMayHaveReachedProvider: false });
      if (step === 'rejected') throw failure('invalid_request');
      if (step === 'failed') throw failure('unavailable');
      created.push(`order_${created.length + 1}`);
      if (step === 'lost') throw failure('unavailable');
      return created.at(-1) as string;
    },
    find: async () => {
      finds++;
      return created[0];
    },
  };
}

describe('createOrFind', () => {
  it('returns what a lost attempt created instead of creating it again', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const sink = new MemoryTelemetrySink();
    const p = provider(['lost']);
    const result = await createOrFind({ ...scope, clock, create: p.create, find: p.find, emit: (e) => sink.emit(e) });
    expect(result).toBe('order_1');
    expect(p.created).toEqual(['order_1']);
    expect(sink.ofType('idempotency.found_existing')).toEqual([expect.objectContaining({ provider: 'razorpay', endpoint: 'createOrder', attempt: 1 })]);
  });

  it('creates again after a lookup that finds nothing, and skips the lookup when the request never left', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const p = provider(['refused', 'ok']);
    expect(await createOrFind({ ...scope, clock, create: p.create, find: p.find, random: () => 0.5 })).toBe('order_1');
    expect(p.finds).toBe(0);
    expect(p.calls).toBe(2);
  });

  it('looks first when the caller is retrying an earlier call', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const p = provider([]);
    await p.create();
    expect(await createOrFind({ ...scope, clock, create: p.create, find: p.find, findFirst: true })).toBe('order_1');
    expect(p.calls).toBe(1);
  });

  it('never retries a permanent failure, and gives up after the policy attempts', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const rejected = provider(['rejected']);
    await expect(createOrFind({ ...scope, clock, create: rejected.create, find: rejected.find })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(rejected.calls).toBe(1);

    const down = { calls: 0, create: async () => { down.calls++; throw failure('unavailable'); }, find: async () => undefined };
    await expect(createOrFind({ ...scope, clock, create: down.create, find: down.find, retry: { maxAttempts: 3 } })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(down.calls).toBe(3);
  });

  it('lets a non-integration error through untouched', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const bug = new TypeError('bug');
    await expect(createOrFind({ ...scope, clock, create: () => Promise.reject(bug), find: async () => undefined })).rejects.toBe(bug);
  });
});

describe('createOrFind when the lookup after a lost create fails', () => {
  const lostThenBlind = () => {
    const p = provider(['lost']);
    return { ...p, find: async () => Promise.reject(failure('unavailable')) };
  };

  it('ends as outcome_unknown with the key the create stored, and never creates again', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const p = lostThenBlind();
    const error = await createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'outcome_unknown', retryable: false, idempotencyKey: 'key_1', endpoint: 'createOrder' });
    expect(p.created).toEqual(['order_1']);
  });

  it('lets the lookup failure through when the caller keeps the key: its next call looks first', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const p = lostThenBlind();
    await p.create().catch(() => undefined);
    const firstLook = createOrFind({ ...scope, clock, create: p.create, find: p.find, findFirst: true, idempotencyKey: 'key_1' });
    await expect(firstLook).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
  });
});

describe('createOrFind with a record of the creates sent under a caller key', () => {
  const body = { amount: 5000, receipt: 'order-1' };
  const record = (store: MemoryIdempotencyStore, sent: unknown = body) => ({ store, body: sent, revive: (stored: unknown) => String(stored) });

  it('sends a fresh key straight to the create, with no lookup, and answers a repeat from the store without any call', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore();
    const p = provider([]);
    const call = () => createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1', record: record(store) });
    expect(await call()).toBe('order_1');
    expect({ calls: p.calls, finds: p.finds }).toEqual({ calls: 1, finds: 0 });
    expect(await call()).toBe('order_1');
    expect({ calls: p.calls, finds: p.finds }).toEqual({ calls: 1, finds: 0 });
  });

  it('after a lost answer whose lookup failed, the next call with the key looks first and finds the object: one at the provider', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore();
    const p = provider(['lost']);
    let blind = true;
    const find = () => (blind ? Promise.reject(failure('unavailable')) : p.find());
    const call = () => createOrFind({ ...scope, clock, create: p.create, find, idempotencyKey: 'key_1', record: record(store) });
    await expect(call()).rejects.toMatchObject({ kind: 'unavailable', retryable: true });
    blind = false;
    expect(await call()).toBe('order_1');
    expect(p.created).toEqual(['order_1']);
    expect(p.calls).toBe(1);
  });

  it('after a crash between the record and the create, the next call looks, finds nothing and creates once', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore({ lockTimeoutMs: 60_000 });
    const p = provider([]);
    // The process dies after recording the key and before anything is sent: nothing more is written.
    void createOrFind({ ...scope, clock, create: () => new Promise<string>(() => undefined), find: p.find, idempotencyKey: 'key_1', record: record(store) });
    await clock.advance(1);
    const again = () => createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1', record: record(store) });
    await expect(again()).rejects.toMatchObject({ kind: 'conflict', reason: 'idempotency_in_progress' });
    expect(p.calls).toBe(0);
    await clock.advance(60_000);
    expect(await again()).toBe('order_1');
    expect({ created: p.created, finds: p.finds }).toEqual({ created: ['order_1'], finds: 1 });
  });

  it('after a crash once the create was sent, the next call finds what it made instead of creating again', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore({ lockTimeoutMs: 60_000 });
    const p = provider([]);
    const sentThenDied = async () => {
      await p.create();
      return new Promise<string>(() => undefined);
    };
    void createOrFind({ ...scope, clock, create: sentThenDied, find: p.find, idempotencyKey: 'key_1', record: record(store) });
    await clock.advance(1);
    expect(p.created).toEqual(['order_1']);
    await clock.advance(60_000);
    expect(await createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1', record: record(store) })).toBe('order_1');
    expect(p.created).toEqual(['order_1']);
  });

  it('after a call that failed knowing nothing was made, the next one creates without looking', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore();
    // Refused before it left, then a 503 whose lookup found nothing: neither can have made one.
    const p = provider(['refused', 'failed']);
    const call = (key: string) => createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: key, record: record(store), retry: { maxAttempts: 1 } });
    await expect(call('key_1')).rejects.toMatchObject({ kind: 'network' });
    await expect(call('key_2')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(p.finds).toBe(1);
    expect(await call('key_1')).toBe('order_1');
    expect(await call('key_2')).toBe('order_2');
    expect({ calls: p.calls, finds: p.finds }).toEqual({ calls: 4, finds: 1 });
  });

  it('marks the key as sent again before the next send: a crash after a cleared mark still looks first', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore({ lockTimeoutMs: 60_000 });
    const p = provider(['refused']);
    const call = (create: () => Promise<string>) => createOrFind({ ...scope, clock, create, find: p.find, idempotencyKey: 'key_1', record: record(store), retry: { maxAttempts: 1 } });
    await expect(call(p.create)).rejects.toMatchObject({ kind: 'network' });
    void call(async () => {
      await p.create();
      return new Promise<string>(() => undefined);
    });
    await clock.advance(1);
    expect(p.created).toEqual(['order_1']);
    await clock.advance(60_000);
    expect(await call(p.create)).toBe('order_1');
    expect(p.created).toEqual(['order_1']);
  });

  it('refuses the key with another body as a conflict, before anything is sent', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore();
    const p = provider(['refused']);
    const call = (sent: unknown) => createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1', record: record(store, sent), retry: { maxAttempts: 1 } });
    await expect(call(body)).rejects.toMatchObject({ kind: 'network' });
    await expect(call({ ...body, amount: 6000 })).rejects.toMatchObject({ kind: 'conflict', reason: 'idempotency_key_reused' });
    expect({ calls: p.calls, finds: p.finds }).toEqual({ calls: 1, finds: 0 });
  });

  it('replays a permanent failure without sending the create again', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const store = new MemoryIdempotencyStore();
    const p = provider(['rejected']);
    const call = () => createOrFind({ ...scope, clock, create: p.create, find: p.find, idempotencyKey: 'key_1', record: record(store) });
    await expect(call()).rejects.toMatchObject({ kind: 'invalid_request', reason: 'test_invalid_request' });
    await expect(call()).rejects.toMatchObject({ kind: 'invalid_request', reason: 'test_invalid_request' });
    expect(p.calls).toBe(1);
  });
});
