import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock/clock.js';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { SlidingCounter } from '../../src/internal/sliding-counter.js';

/** A clock that can also step backwards, as a system clock adjusted by NTP does. */
function settableClock(start: number): Clock & { set(time: number): void } {
  let time = start;
  return { now: () => time, sleep: () => Promise.resolve(), setTimer: () => () => undefined, set: (next) => (time = next) };
}

describe('SlidingCounter', () => {
  it('sums what was added within the window', () => {
    const counter = new SlidingCounter({ windowMs: 1_000, clock: new FakeClock() });
    counter.add();
    counter.add(4);
    expect(counter.total).toBe(5);
  });

  it('expires each bucket once it slides out, not all at once', async () => {
    const clock = new FakeClock({ start: 0 });
    const counter = new SlidingCounter({ windowMs: 1_000, clock });
    counter.add(1);
    await clock.advance(300);
    counter.add(2);
    await clock.advance(699);
    expect(counter.total).toBe(3);
    await clock.advance(1);
    expect(counter.total).toBe(2);
    await clock.advance(300);
    expect(counter.total).toBe(0);
  });

  it('keeps an event for between windowMs minus one bucket and windowMs', async () => {
    const clock = new FakeClock({ start: 0 });
    const counter = new SlidingCounter({ windowMs: 1_000, clock, buckets: 10 });
    await clock.advance(99);
    counter.add();
    await clock.advance(801);
    expect(counter.total).toBe(1);
    await clock.advance(100);
    expect(counter.total).toBe(0);
  });

  it('clears everything after a gap longer than the window', async () => {
    const clock = new FakeClock({ start: 0 });
    const counter = new SlidingCounter({ windowMs: 1_000, clock });
    for (let i = 0; i < 10; i++) {
      counter.add(i + 1);
      await clock.advance(100);
    }
    expect(counter.total).toBe(54);
    await clock.advance(1_000_000);
    expect(counter.total).toBe(0);
    counter.add();
    expect(counter.total).toBe(1);
  });

  it('keeps counting into the newest bucket when the clock steps back', () => {
    const clock = settableClock(10_000);
    const counter = new SlidingCounter({ windowMs: 1_000, clock });
    counter.add();
    clock.set(5_000);
    counter.add();
    expect(counter.total).toBe(2);
    clock.set(10_950);
    expect(counter.total).toBe(2);
    clock.set(11_000);
    expect(counter.total).toBe(0);
  });

  it('reset forgets everything', () => {
    const counter = new SlidingCounter({ windowMs: 1_000, clock: new FakeClock() });
    counter.add(7);
    counter.reset();
    expect(counter.total).toBe(0);
    counter.add();
    expect(counter.total).toBe(1);
  });

  it('works with a window that does not divide into whole-ms buckets', async () => {
    const clock = new FakeClock({ start: 0 });
    const counter = new SlidingCounter({ windowMs: 1_001, clock, buckets: 7 });
    counter.add();
    await clock.advance(1_000);
    expect(counter.total).toBe(1);
    await clock.advance(1);
    expect(counter.total).toBe(0);
  });

  it.each([
    [{ windowMs: 0 }, /windowMs/],
    [{ windowMs: Number.POSITIVE_INFINITY }, /windowMs/],
    [{ windowMs: 1_000, buckets: 0 }, /buckets/],
    [{ windowMs: 1_000, buckets: 2.5 }, /buckets/],
  ])('rejects %o', (options, message) => {
    expect(() => new SlidingCounter({ ...options, clock: new FakeClock() })).toThrow(message);
  });
});
