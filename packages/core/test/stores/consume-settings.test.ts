import { describe, expect, it } from 'vitest';
import { resolveConsumeOptions, type ConsumeOptions } from '../../src/index.js';

describe('resolveConsumeOptions', () => {
  it('applies one set of defaults: concurrency 1, 5 attempts, a 30 s lease, worker id "worker", no rate', () => {
    const defaults = { concurrency: 1, maxAttempts: 5, leaseMs: 30_000, workerId: 'worker', startRate: undefined };
    expect(resolveConsumeOptions()).toEqual(defaults);
    expect(resolveConsumeOptions({})).toEqual(defaults);
    expect(resolveConsumeOptions({ concurrency: undefined, leaseMs: undefined, workerId: undefined })).toEqual(defaults);
  });

  it('keeps the options it is given, with the rate as whole starts per window', () => {
    expect(resolveConsumeOptions({ concurrency: 4, maxAttempts: 2, leaseMs: 1_500, workerId: 'hub-1', ratePerSecond: 20 })).toEqual({
      concurrency: 4,
      maxAttempts: 2,
      leaseMs: 1_500,
      workerId: 'hub-1',
      startRate: { limit: 20, windowMs: 1_000 },
    });
  });

  it('accepts the smallest valid values', () => {
    expect(resolveConsumeOptions({ concurrency: 1, maxAttempts: 1, leaseMs: 0.5, workerId: 'w', ratePerSecond: 0.001 })).toMatchObject({
      concurrency: 1,
      maxAttempts: 1,
      leaseMs: 1,
      startRate: { limit: 1, windowMs: 1_000_000 },
    });
  });

  it('rounds a fractional lease up to whole milliseconds, never shortening it', () => {
    expect(resolveConsumeOptions({ leaseMs: 1_500.2 }).leaseMs).toBe(1_501);
  });

  it.each<[keyof ConsumeOptions, unknown]>([
    ['concurrency', 0],
    ['concurrency', -1],
    ['concurrency', 1.5],
    ['concurrency', Number.NaN],
    ['maxAttempts', 0],
    ['maxAttempts', 2.5],
    ['maxAttempts', Number.POSITIVE_INFINITY],
    ['leaseMs', 0],
    ['leaseMs', -1],
    ['leaseMs', Number.NaN],
    ['leaseMs', Number.POSITIVE_INFINITY],
    ['ratePerSecond', 0],
    ['ratePerSecond', -2],
    ['ratePerSecond', Number.NaN],
    ['ratePerSecond', Number.POSITIVE_INFINITY],
    ['workerId', ''],
    ['workerId', 42],
  ])('refuses %s = %s with a RangeError naming the option and the value', (name, value) => {
    const resolve = (): unknown => resolveConsumeOptions({ [name]: value });
    expect(resolve).toThrow(RangeError);
    expect(resolve).toThrow(`Invalid ${name}: expected`);
    expect(resolve).toThrow(new RegExp(`, got ${String(value)}$`));
  });
});
