import { describe, expect, it } from 'vitest';
import { SlidingWindowLog } from '../../src/rate-limit/sliding-window-log.js';

describe('SlidingWindowLog', () => {
  it('allows anything until it holds `limit` grants', () => {
    const log = new SlidingWindowLog({ limit: 3, windowMs: 1000, marginMs: 0 });
    log.record(0);
    log.record(10);
    expect(log.earliestAt()).toBe(Number.NEGATIVE_INFINITY);
    log.record(20);
    expect(log.earliestAt()).toBe(1000);
  });

  it('is bound by the limit-th most recent grant as the ring wraps', () => {
    const log = new SlidingWindowLog({ limit: 2, windowMs: 1000, marginMs: 0 });
    for (const at of [0, 100, 1000, 1100, 2000]) log.record(at);
    // The last two grants are 1100 and 2000.
    expect(log.earliestAt()).toBe(2100);
  });

  it('grows past its initial capacity without losing order', () => {
    const log = new SlidingWindowLog({ limit: 100, windowMs: 60_000, marginMs: 0 });
    for (let at = 0; at < 100; at++) log.record(at);
    expect(log.earliestAt()).toBe(60_000);
    log.record(60_000);
    expect(log.earliestAt()).toBe(60_001);
  });

  it.each([
    [{ limit: 0, windowMs: 1000, marginMs: 0 }, /limit/],
    [{ limit: 1.5, windowMs: 1000, marginMs: 0 }, /limit/],
    [{ limit: 10, windowMs: 0, marginMs: 0 }, /length/],
    [{ limit: 10, windowMs: Number.NaN }, /length/],
  ])('rejects the invalid window %o', (window, message) => {
    expect(() => new SlidingWindowLog(window)).toThrow(RangeError);
    expect(() => new SlidingWindowLog(window)).toThrow(message);
  });
});

describe('SlidingWindowLog safety margin', () => {
  it('spaces grants a window plus a default margin apart, so a late sender cannot bunch at the provider', () => {
    const log = new SlidingWindowLog({ limit: 1, windowMs: 60_000 });
    log.record(0);
    expect(log.earliestAt()).toBe(60_250);
    const short = new SlidingWindowLog({ limit: 1, windowMs: 100 });
    short.record(0);
    expect(short.earliestAt()).toBe(105);
  });

  it('refuses a negative margin', () => {
    expect(() => new SlidingWindowLog({ limit: 1, windowMs: 1_000, marginMs: -1 })).toThrow(RangeError);
  });
});
