import type { InboundEvent } from '@interlock/core';
import { HandlerProbe, timeDriver } from '@interlock/testkit/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStores, type TempStores } from './temp-store.js';

function event(stores: TempStores, n: number): InboundEvent {
  return { id: `id-${n}`, provider: 'acme', eventId: `evt_${n}`, type: 'payment.updated', receivedAt: stores.clock.now(), payload: `{"n":${n}}` };
}

describe('SQLite consumers', () => {
  let stores: TempStores | undefined;
  afterEach(async () => {
    await stores?.cleanup();
    stores = undefined;
  });

  it('wake at once on an accept in the same process, whatever the idle interval', async () => {
    stores = tempStores({ idlePollMs: 3_600_000 });
    const store = stores.open();
    const probe = new HandlerProbe(stores.clock);
    const consumer = store.events.consume(probe.handler);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.events.accept(event(stores, 1));
    const time = timeDriver(stores.clock);
    // No fake time passes: only the wake-up can deliver it.
    for (let i = 0; i < 100 && probe.deliveries.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(probe.deliveries).toHaveLength(1);
    await time.settle(consumer.stop());
  });

  it('dead-letter an event whose worker was lost on its last attempt instead of handing it out again', async () => {
    stores = tempStores();
    const time = timeDriver(stores.clock);
    const crashed = stores.open();
    await crashed.events.accept(event(stores, 1));
    const hung = new HandlerProbe(stores.clock, () => 'hold');
    crashed.events.consume(hung.handler, { maxAttempts: 1, leaseMs: 1_000 });
    await time.eventually(() => expect(hung.holding).toBe(1));
    await crashed.close();
    const survivor = stores.open();
    const probe = new HandlerProbe(stores.clock);
    const consumer = survivor.events.consume(probe.handler, { maxAttempts: 1, leaseMs: 1_000 });
    await time.eventually(async () => expect((await survivor.events.get('id-1'))?.status).toBe('dead'));
    await time.settle(consumer.stop());
    expect(probe.deliveries).toHaveLength(0);
    expect((await survivor.events.get('id-1'))?.reason).toBe('lease expired with no outcome after 1 attempts (worker lost)');
    // The hung handler finishing after the store closed changes nothing and throws nowhere.
    hung.release();
    await time.pass(100);
  });

  it('close() does not wait for a hung handler, and a later consume is refused', async () => {
    stores = tempStores();
    const store = stores.open();
    await store.events.accept(event(stores, 1));
    const probe = new HandlerProbe(stores.clock, () => 'hold');
    store.events.consume(probe.handler);
    await timeDriver(stores.clock).eventually(() => expect(probe.holding).toBe(1));
    await store.close();
    await store.close();
    expect(() => store.events.consume(probe.handler)).toThrow(/closed/);
    probe.release();
  });

  it('hand out a backlog in arrival order even when events were accepted out of order', async () => {
    stores = tempStores();
    const store = stores.open();
    const now = stores.clock.now();
    for (const [n, receivedAt] of [[1, now + 30], [2, now + 10], [3, now + 20]] as const) await store.events.accept({ ...event(stores, n), receivedAt });
    const probe = new HandlerProbe(stores.clock);
    const consumer = store.events.consume(probe.handler, { concurrency: 3 });
    const time = timeDriver(stores.clock);
    await time.eventually(() => expect(probe.deliveries).toHaveLength(3));
    await time.settle(consumer.stop());
    expect(probe.deliveries.map((e) => e.id)).toEqual(['id-2', 'id-3', 'id-1']);
  });
});
