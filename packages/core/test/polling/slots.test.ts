import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/polling/slots.js';

describe('Slots', () => {
  it('admits up to the limit, then hands slots over in arrival order', async () => {
    const slots = new Slots(1);
    const order: string[] = [];
    const first = await slots.acquire();
    const second = slots.acquire().then((release) => {
      order.push('second');
      return release;
    });
    const third = slots.acquire().then((release) => {
      order.push('third');
      return release;
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    first();
    first(); // a second release must not free a second slot
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    const again = await slots.acquire();
    again();
  });

  it('serves waiters lowest rank first, and in arrival order within a rank', async () => {
    const slots = new Slots(1);
    const order: number[] = [];
    const held = await slots.acquire();
    const waiting = [3, 1, 2, 1].map((rank, index) => slots.acquire(rank).then((release) => (order.push(index), release)));
    held();
    for (let served = 0; served < waiting.length; served++) {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      const next = order[served];
      if (next === undefined) throw new Error('nobody was served');
      (await waiting[next])?.();
    }
    expect(order).toEqual([1, 3, 2, 0]);
  });
});
