import { describe, expect, it } from 'vitest';
import { StartWindow, startRateOf } from '../../src/index.js';

describe('startRateOf', () => {
  it('keeps a whole rate per second', () => {
    expect(startRateOf(3)).toEqual({ limit: 3, windowMs: 1_000 });
    expect(startRateOf(1)).toEqual({ limit: 1, windowMs: 1_000 });
  });

  it('rounds a fractional rate above one down, so no second sees more than the rate', () => {
    expect(startRateOf(2.5)).toEqual({ limit: 2, windowMs: 1_000 });
  });

  it('spaces a rate below one over a longer window, rounded up to whole ms', () => {
    expect(startRateOf(0.5)).toEqual({ limit: 1, windowMs: 2_000 });
    expect(startRateOf(0.3)).toEqual({ limit: 1, windowMs: 3_334 });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses ratePerSecond %s with a RangeError', (rate) => {
    expect(() => startRateOf(rate)).toThrow(RangeError);
    expect(() => startRateOf(rate)).toThrow(`Invalid ratePerSecond: expected a positive finite number, got ${rate}`);
  });
});

describe('StartWindow', () => {
  it('allows a burst up to the limit, then the next start once the oldest is a window old', () => {
    const window = new StartWindow(startRateOf(3));
    expect(window.available(0)).toBe(3);
    expect(window.nextFreeAt(0)).toBe(0);
    window.record(0, 2);
    window.record(400);
    expect(window.available(999)).toBe(0);
    expect(window.nextFreeAt(999)).toBe(1_000);
    expect(window.available(1_000)).toBe(2);
    expect(window.nextFreeAt(1_000)).toBe(1_000);
    expect(window.available(1_399)).toBe(2);
    expect(window.available(1_400)).toBe(3);
  });

  it('counts one start per record by default', () => {
    const window = new StartWindow(startRateOf(2));
    window.record(10);
    expect(window.available(10)).toBe(1);
    window.record(20);
    expect(window.nextFreeAt(500)).toBe(1_010);
  });

  it('spaces starts of a rate below one per second', () => {
    const window = new StartWindow(startRateOf(0.5));
    window.record(0);
    expect(window.nextFreeAt(10)).toBe(2_000);
    expect(window.available(1_999)).toBe(0);
    expect(window.available(2_000)).toBe(1);
  });
});
