import { describe, expect, it } from 'vitest';
import { createOrFind, IntegrationError, MemoryTelemetrySink, type IntegrationErrorContext } from '../../src/index.js';
import { FakeClock } from '../../src/testing.js';

const scope = { provider: 'razorpay', endpoint: 'createOrder' };

function failure(kind: 'unavailable' | 'network' | 'invalid_request', context: Partial<IntegrationErrorContext> = {}): IntegrationError {
  return new IntegrationError(kind, `${kind} failure`, { ...scope, reason: `test_${kind}`, ...context });
}

/** A provider with no idempotency for creates: `plan` says what each attempt does. */
function provider(plan: readonly ('ok' | 'lost' | 'refused' | 'rejected')[]) {
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
