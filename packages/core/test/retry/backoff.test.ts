import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveBackoffOptions, type Jitter } from '../../src/retry/backoff.js';

const constant = (value: number) => () => value;
const JITTERS: Jitter[] = ['full', 'equal', 'decorrelated', 'none'];

describe('resolveBackoffOptions', () => {
  it('applies the defaults', () => {
    expect(resolveBackoffOptions()).toEqual({ baseMs: 100, factor: 2, capMs: 30_000, jitter: 'full' });
  });

  it.each([
    [{ baseMs: 0 }, /baseMs/],
    [{ baseMs: -1 }, /baseMs/],
    [{ baseMs: Number.NaN }, /baseMs/],
    [{ baseMs: Number.POSITIVE_INFINITY, capMs: Number.POSITIVE_INFINITY }, /baseMs/],
    [{ factor: 0.5 }, /factor/],
    [{ factor: Number.POSITIVE_INFINITY }, /factor/],
    [{ baseMs: 200, capMs: 100 }, /capMs/],
    [{ capMs: Number.POSITIVE_INFINITY }, /capMs/],
    [{ jitter: 'random' as Jitter }, /jitter/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveBackoffOptions(options)).toThrow(TypeError);
    expect(() => resolveBackoffOptions(options)).toThrow(message);
  });

  it('accepts a factor of 1 and a cap equal to the base', () => {
    expect(resolveBackoffOptions({ baseMs: 50, factor: 1, capMs: 50 })).toMatchObject({ baseMs: 50, factor: 1, capMs: 50 });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap without jitter', () => {
    const options = { baseMs: 100, factor: 2, capMs: 1_000, jitter: 'none' } as const;
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, options))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('stays at the cap when the exponential overflows', () => {
    expect(backoffDelay(5_000, { jitter: 'none' })).toBe(30_000);
    expect(backoffDelay(5_000, { jitter: 'full' }, undefined, constant(0.999_999))).toBe(30_000);
  });

  it('full jitter spans [0, ceiling]', () => {
    const options = { baseMs: 100, jitter: 'full' } as const;
    expect(backoffDelay(3, options, undefined, constant(0))).toBe(0);
    expect(backoffDelay(3, options, undefined, constant(0.5))).toBe(200);
    expect(backoffDelay(3, options, undefined, constant(0.999_999_9))).toBe(400);
  });

  it('equal jitter keeps at least half the ceiling', () => {
    const options = { baseMs: 100, jitter: 'equal' } as const;
    expect(backoffDelay(3, options, undefined, constant(0))).toBe(200);
    expect(backoffDelay(3, options, undefined, constant(0.999_999_9))).toBe(400);
  });

  it('decorrelated jitter draws between the base and three times the previous delay', () => {
    const options = { baseMs: 100, capMs: 10_000, jitter: 'decorrelated' } as const;
    expect(backoffDelay(1, options, undefined, constant(0))).toBe(100);
    expect(backoffDelay(1, options, undefined, constant(0.999_999_9))).toBe(300);
    expect(backoffDelay(4, options, 1_000, constant(0.999_999_9))).toBe(3_000);
    expect(backoffDelay(4, options, 1_000, constant(0))).toBe(100);
  });

  it('decorrelated jitter is capped and tolerates unusable previous delays', () => {
    const options = { baseMs: 100, capMs: 1_000, jitter: 'decorrelated' } as const;
    expect(backoffDelay(2, options, 900, constant(0.999_999_9))).toBe(1_000);
    expect(backoffDelay(2, options, Number.POSITIVE_INFINITY, constant(0.999_999_9))).toBe(1_000);
    // A previous delay below a third of the base still leaves the range at [base, base].
    expect(backoffDelay(2, options, 0, constant(0.999_999_9))).toBe(100);
    expect(backoffDelay(2, options, -5, constant(0.999_999_9))).toBe(300);
    expect(backoffDelay(2, options, Number.NaN, constant(0.999_999_9))).toBe(300);
  });

  it.each(JITTERS)('%s jitter stays an integer within [0, cap] for any random value', (jitter) => {
    const options = { baseMs: 7.3, factor: 1.7, capMs: 999.9, jitter };
    for (const draw of [0, 0.123, 0.5, 0.999_999_999, 1, 5, -1, Number.NaN]) {
      for (const retry of [1, 2, 10, 100, 10_000]) {
        const delay = backoffDelay(retry, options, 500, constant(draw));
        expect(Number.isInteger(delay), `${jitter} ${draw} ${retry}`).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(999.9);
      }
    }
  });

  it('uses Math.random by default', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(2, { baseMs: 100 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(200);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects retry number %s', (retry) => {
    expect(() => backoffDelay(retry)).toThrow(RangeError);
  });

  it('validates its options', () => {
    expect(() => backoffDelay(1, { factor: 0 })).toThrow(TypeError);
  });
});
