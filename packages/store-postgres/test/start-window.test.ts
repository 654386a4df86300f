import { describe, expect, it } from 'vitest';
import { StartWindow } from '../src/events/start-window.js';

describe('StartWindow', () => {
  it('allows a burst of `rate` starts, then the next one a second after the oldest', () => {
    const window = new StartWindow(3);
    expect(window.available(0)).toBe(3);
    window.record(0, 2);
    window.record(400);
    expect(window.available(999)).toBe(0);
    expect(window.nextFreeAt(999)).toBe(1_000);
    expect(window.available(1_000)).toBe(2);
    expect(window.nextFreeAt(1_000)).toBe(1_000);
    expect(window.available(1_400)).toBe(3);
  });

  it('spaces a rate below one per second out over a longer window', () => {
    const window = new StartWindow(0.5);
    window.record(0);
    expect(window.available(1_999)).toBe(0);
    expect(window.nextFreeAt(10)).toBe(2_000);
    expect(window.available(2_000)).toBe(1);
  });

  it('rounds a fractional rate above one down, so no second ever sees more than the rate', () => {
    const window = new StartWindow(2.5);
    expect(window.available(0)).toBe(2);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses ratePerSecond %s', (rate) => {
    expect(() => new StartWindow(rate)).toThrow(TypeError);
  });
});
