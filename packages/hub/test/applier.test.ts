import { describe, expect, it } from 'vitest';
import { sortableId, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { openSqliteStore } from '@interlock/store-sqlite';
import { createEventApplier } from '../src/index.js';
import { DEMO_PROVIDER, demoPaymentsInterpreter } from '../src/demo/demo-payments.js';

function event(eventId: string, status: string, occurredAt: number): StoredEvent {
  return {
    id: sortableId(),
    provider: DEMO_PROVIDER,
    eventId,
    type: `payment_intent.${status}`,
    receivedAt: occurredAt,
    occurredAt,
    payload: JSON.stringify({ data: { object: { id: 'pi_9', status } } }),
    status: 'processing',
    attempts: 1,
    updatedAt: occurredAt,
  };
}

describe('event applier', () => {
  const setup = () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    const apply = createEventApplier({ integrity: store.integrity, interpreters: new Map([[DEMO_PROVIDER, demoPaymentsInterpreter]]), clock, actor: 'worker:test' });
    return { store, apply };
  };

  it('applies forward, waits when ahead of a missing step, discards what is behind or stale', async () => {
    const { store, apply } = setup();
    try {
      await expect(apply(event('e1', 'pending', 1_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e3', 'refunded', 3_000))).resolves.toMatchObject({ status: 'retry', reason: 'ahead_of_state: pending -> refunded' });
      await expect(apply(event('e2', 'succeeded', 2_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e3', 'refunded', 3_000))).resolves.toEqual({ status: 'applied' });
      await expect(apply(event('e0', 'pending', 500))).resolves.toMatchObject({ status: 'discarded', reason: 'stale' });
      await expect(apply(event('e4', 'succeeded', 4_000))).resolves.toMatchObject({ status: 'discarded', reason: 'backward_transition' });
      const trail = await store.integrity.listAudit({ recordId: 'pi_9' });
      expect(trail.map((entry) => `${entry.eventId} ${entry.outcome}`)).toEqual(['e1 applied', 'e2 applied', 'e3 applied', 'e0 discarded', 'e4 discarded']);
    } finally {
      await store.close();
    }
  });

  it('treats the redelivery of an event whose worker died after writing as a duplicate, not a second apply', async () => {
    const { store, apply } = setup();
    try {
      const succeeded = event('e1', 'succeeded', 1_000);
      await apply(event('e0', 'pending', 500));
      await expect(apply(succeeded)).resolves.toEqual({ status: 'applied' });
      await expect(apply({ ...succeeded, attempts: 2 })).resolves.toMatchObject({ status: 'discarded', reason: 'duplicate' });
      expect(await store.integrity.getRecord({ provider: DEMO_PROVIDER, recordType: 'payment', recordId: 'pi_9' })).toMatchObject({ status: 'succeeded', version: 2 });
    } finally {
      await store.close();
    }
  });

  it('dead-letters events it cannot interpret, or from a provider it does not know', async () => {
    const { store, apply } = setup();
    try {
      await expect(apply({ ...event('e1', 'pending', 1), payload: 'not json' })).resolves.toMatchObject({ status: 'dead' });
      await expect(apply({ ...event('e2', 'pending', 1), provider: 'other' })).resolves.toMatchObject({ status: 'dead', reason: 'no interpreter for provider other' });
      await expect(apply({ ...event('e3', 'pending', 1), payload: '{"data":{}}' })).resolves.toMatchObject({ status: 'discarded', reason: 'not_a_record_change' });
    } finally {
      await store.close();
    }
  });
});
