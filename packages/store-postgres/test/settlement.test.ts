import { describe, expect, it } from 'vitest';
import { defaultRetryDelay, settle } from '../src/events/settlement.js';

describe('settle', () => {
  const now = 1_000_000;

  it('final outcomes keep their reason; applied clears it', () => {
    expect(settle({ status: 'applied' }, 1, 5, now)).toEqual({ status: 'applied', reason: undefined, visibleAt: now });
    expect(settle({ status: 'discarded', reason: 'stale' }, 1, 5, now)).toMatchObject({ status: 'discarded', reason: 'stale' });
    expect(settle({ status: 'dead', reason: 'no interpreter' }, 1, 5, now)).toMatchObject({ status: 'dead', reason: 'no interpreter' });
  });

  it('a retry waits retryInMs, or the backoff, and dies on the last attempt', () => {
    expect(settle({ status: 'retry', reason: '503', retryInMs: 250 }, 1, 5, now)).toEqual({ status: 'queued', reason: '503', visibleAt: now + 250 });
    expect(settle({ status: 'retry', reason: '503', retryInMs: -5 }, 1, 5, now).visibleAt).toBe(now);
    expect(settle({ status: 'retry', reason: '503' }, 2, 5, now, () => 4_000).visibleAt).toBe(now + 4_000);
    expect(settle({ status: 'retry', reason: '503' }, 5, 5, now)).toEqual({ status: 'dead', reason: '503', visibleAt: now });
  });

  it('the default backoff grows from about a second and stops at a minute', () => {
    for (let i = 0; i < 50; i++) {
      const first = defaultRetryDelay(1);
      expect(first).toBeGreaterThanOrEqual(500);
      expect(first).toBeLessThanOrEqual(1_000);
      expect(defaultRetryDelay(30)).toBeLessThanOrEqual(60_000);
      expect(defaultRetryDelay(30)).toBeGreaterThanOrEqual(30_000);
    }
    expect(defaultRetryDelay(0)).toBeLessThanOrEqual(1_000);
  });
});
