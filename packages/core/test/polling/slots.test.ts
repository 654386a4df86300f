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
});
