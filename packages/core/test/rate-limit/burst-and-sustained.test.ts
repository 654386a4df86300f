import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock/fake-clock.js';
import { RateLimiter, type RateLimitRule, type RateWindow } from '../../src/rate-limit/index.js';

const scope = { provider: 'dhl', endpoint: 'track', correlationId: 'sim' };

/** The most starts in any half-open interval [t, t + windowMs); the busiest always begins at a start. */
function busiestInterval(sortedStarts: readonly number[], windowMs: number): number {
  let busiest = 0;
  let end = 0;
  for (let begin = 0; begin < sortedStarts.length; begin++) {
    while (end < sortedStarts.length && (sortedStarts[end] as number) < (sortedStarts[begin] as number) + windowMs) end++;
    busiest = Math.max(busiest, end - begin);
  }
  return busiest;
}

/** Starts as a fraction of the most a window allows over the span they cover. */
function utilisation(sortedStarts: readonly number[], window: RateWindow): number {
  const span = (sortedStarts.at(-1) as number) - (sortedStarts[0] as number);
  return sortedStarts.length / (window.limit * (Math.floor(span / window.windowMs) + 1));
}

async function simulate(rules: readonly RateLimitRule[], calls: number): Promise<number[]> {
  const clock = new FakeClock({ autoAdvance: true });
  const limiter = new RateLimiter({ clock });
  const origin = clock.now();
  const starts = await Promise.all(
    Array.from({ length: calls }, async () => {
      await limiter.acquire({ rules, maxWaitMs: Number.POSITIVE_INFINITY, scope });
      return clock.now() - origin;
    }),
  );
  return starts.sort((a, b) => a - b);
}

describe('burst and sustained windows together', () => {
  const burst: RateWindow = { limit: 200, windowMs: 10_000 };
  const sustained: RateWindow = { limit: 60, windowMs: 60_000 };

  it('never exceeds either window over any interval, and keeps the sustained one >= 97% used', async () => {
    const starts = await simulate([{ key: 'dhl:acct:account', windows: [burst, sustained] }], 1000);
    expect(starts).toHaveLength(1000);
    expect(busiestInterval(starts, burst.windowMs)).toBeLessThanOrEqual(burst.limit);
    expect(busiestInterval(starts, sustained.windowMs)).toBe(sustained.limit);
    expect(utilisation(starts, sustained)).toBeGreaterThanOrEqual(0.97);
  });

  it('holds when the windows sit on separate rules (an endpoint under its account)', async () => {
    const starts = await simulate(
      [
        { key: 'dhl:acct:endpoint:track', windows: [burst] },
        { key: 'dhl:acct:account', windows: [sustained] },
      ],
      1000,
    );
    expect(busiestInterval(starts, burst.windowMs)).toBeLessThanOrEqual(burst.limit);
    expect(busiestInterval(starts, sustained.windowMs)).toBe(sustained.limit);
    expect(utilisation(starts, sustained)).toBeGreaterThanOrEqual(0.97);
  });

  it('holds when the burst window is the one that binds first', async () => {
    const shortBurst: RateWindow = { limit: 20, windowMs: 1000 };
    const long: RateWindow = { limit: 600, windowMs: 60_000 };
    const starts = await simulate([{ key: 'k', windows: [shortBurst, long] }], 1000);
    expect(busiestInterval(starts, shortBurst.windowMs)).toBe(shortBurst.limit);
    expect(busiestInterval(starts, long.windowMs)).toBe(long.limit);
    // 600 go out in the first 30 s at 20/s (each second stretched by its 5 ms safety margin);
    // the rest must wait for the minute to slide.
    expect(starts[599]).toBe(29 * 1_005);
    expect(starts[600]).toBe(60_250);
  });
});
