import { timeDriver } from '@interlock/testkit/vitest';
import type { EventApplication, EventOutcome } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStores, type TempStores } from './temp-store.js';

const event = { id: 'q-1', provider: 'acme', eventId: 'evt_1', type: 'payment.succeeded', receivedAt: 1, payload: '{}' };

function application(at: number): EventApplication {
  return {
    provider: 'acme',
    eventId: 'evt_1',
    queueId: 'q-1',
    record: { provider: 'acme', recordType: 'payment', recordId: 'pay_1', status: 'succeeded', updatedAt: at },
    expectedVersion: undefined,
    effects: [{ provider: 'acme', recordType: 'movement', recordId: 'mv_1', status: 'captured', updatedAt: at }],
    audit: { at, actor: 'worker:test', action: 'apply payment.succeeded', provider: 'acme', recordType: 'payment', recordId: 'pay_1', eventId: 'evt_1', outcome: 'applied' },
  };
}

describe('applying an event on SQLite', () => {
  let stores: TempStores | undefined;
  afterEach(async () => {
    await stores?.cleanup();
    stores = undefined;
  });

  it('settles the queued event in the same transaction as its writes, before the worker returns', async () => {
    stores = tempStores();
    const store = stores.open();
    await store.events.accept(event);
    let finish: ((outcome: EventOutcome) => void) | undefined;
    const results: string[] = [];
    const consumer = store.events.consume(async () => {
      results.push(await store.integrity.applyEvent(application(stores?.clock.now() ?? 0)));
      // The worker stalls here, as one killed before the queue hears its outcome would.
      return new Promise<EventOutcome>((resolve) => (finish = resolve));
    });
    const time = timeDriver(stores.clock);
    await time.eventually(() => expect(results).toEqual(['applied']));
    // Another process reading the same file sees the event done, with everything it wrote.
    const other = stores.open();
    expect((await other.events.get('q-1'))?.status).toBe('applied');
    expect(await other.integrity.getRecord({ provider: 'acme', recordType: 'movement', recordId: 'mv_1' })).toMatchObject({ status: 'captured' });
    expect(await other.integrity.listAudit({ eventId: 'evt_1' })).toHaveLength(1);
    // The lease holder's own late outcome changes nothing.
    finish?.({ status: 'retry', reason: 'late' });
    await time.settle(consumer.stop());
    expect(await other.events.get('q-1')).toMatchObject({ status: 'applied', attempts: 1 });
    expect(await other.integrity.applyEvent(application(2))).toBe('already_applied');
  });
});
