import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/testing.js';
import { quickStart } from '../examples/quick-start.js';

describe('README quick start', () => {
  it('rides through a 503 and a reset with one idempotency key', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    await expect(quickStart(clock, clock.trackFetch())).resolves.toBe('ch_1 after 3 attempts, 1 idempotency key');
  });
});
