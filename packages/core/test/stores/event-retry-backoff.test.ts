import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventRetryBackoff } from '../../src/index.js';

const constant = (value: number) => () => value;
const HIGHEST = 0.999_999_9;
const FIVE_MINUTES = 300_000;

describe('eventRetryBackoff', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('grows its ceiling from 1 s, doubling, up to 5 minutes', () => {
    const ceiling = eventRetryBackoff({}, constant(HIGHEST));
    expect([1, 2, 3, 4, 5, 9, 10, 40].map(ceiling)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 256_000, FIVE_MINUTES, FIVE_MINUTES]);
  });

  it('draws with full jitter: anywhere from 0 up to the ceiling', () => {
    expect([1, 3, 40].map(eventRetryBackoff({}, constant(0)))).toEqual([0, 0, 0]);
    expect([1, 3, 40].map(eventRetryBackoff({}, constant(0.5)))).toEqual([500, 2_000, 150_000]);
  });

  it('stays a whole number of ms within [0, min(5 min, 1 s × 2^(attempts-1))] whatever the draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, draw) => {
        const delay = eventRetryBackoff({}, constant(draw))(attempts);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(FIVE_MINUTES, 1_000 * 2 ** (attempts - 1)));
      }),
    );
  });

  it('takes overrides one by one, keeping the events defaults for the rest', () => {
    expect([1, 2, 3, 4].map(eventRetryBackoff({ baseMs: 10, capMs: 50 }, constant(HIGHEST)))).toEqual([10, 20, 40, 50]);
    // Only the base is overridden: the events' 5 minute cap still holds, not the call backoff's 30 s.
    expect(eventRetryBackoff({ baseMs: 10 }, constant(HIGHEST))(30)).toBe(FIVE_MINUTES);
    expect([1, 2].map(eventRetryBackoff({ jitter: 'none' }, constant(0)))).toEqual([1_000, 2_000]);
  });

  it('checks its options when it is made, not at the first retry', () => {
    expect(() => eventRetryBackoff({ baseMs: 2_000, capMs: 1_000 })).toThrow(/capMs/);
  });

  it('reads Math.random at each draw when given no random source', () => {
    const backoff = eventRetryBackoff();
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoff(3)).toBe(0);
    random.mockReturnValue(HIGHEST);
    expect(backoff(3)).toBe(4_000);
  });
});
