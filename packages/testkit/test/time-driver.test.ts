import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../src/index.js';
import { timeDriver } from '../src/vitest.js';

describe('timeDriver.eventually on a fake clock', () => {
  it('keeps trying for withinMs of fake time, however much real time the tries take', async () => {
    // Each look at the real clock says another second went by: a slow engine's steps.
    let real = Date.UTC(2026, 0, 1);
    vi.spyOn(Date, 'now').mockImplementation(() => (real += 1_000));
    const clock = new FakeClock();
    const start = clock.now();
    await timeDriver(clock).eventually(() => expect(clock.now() - start).toBeGreaterThanOrEqual(9_000), { withinMs: 10_000, stepMs: 500 });
    expect(clock.now() - start).toBe(9_000);
  });

  it('gives up when withinMs of fake time has gone by, with the check’s last error', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    await expect(timeDriver(clock).eventually(() => expect('never').toBe('done'), { withinMs: 2_000, stepMs: 500 })).rejects.toThrow(/expected 'never' to be 'done'/);
    expect(clock.now() - start).toBe(2_000);
  });
});
