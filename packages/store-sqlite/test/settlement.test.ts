import { describe, expect, it } from 'vitest';
import { defaultRetryDelayMs, outcomeOfError, settlementFor } from '../src/events/settlement.js';
import { StartRate } from '../src/events/start-rate.js';

describe('settlementFor', () => {
  const now = 1_000_000;

  it('maps final outcomes to their status and reason', () => {
    expect(settlementFor({ status: 'applied' }, 1, 5, now)).toEqual({ status: 'applied', reason: null, visibleAt: now });
    expect(settlementFor({ status: 'discarded', reason: 'stale' }, 1, 5, now)).toEqual({ status: 'discarded', reason: 'stale', visibleAt: now });
    expect(settlementFor({ status: 'dead', reason: 'bad' }, 1, 5, now)).toEqual({ status: 'dead', reason: 'bad', visibleAt: now });
  });

  it('queues a retry after its delay, or the backoff, until the attempts run out', () => {
    expect(settlementFor({ status: 'retry', reason: 'r', retryInMs: 250 }, 1, 5, now)).toEqual({ status: 'queued', reason: 'r', visibleAt: now + 250 });
    expect(settlementFor({ status: 'retry', reason: 'r', retryInMs: -5 }, 1, 5, now).visibleAt).toBe(now);
    expect(settlementFor({ status: 'retry', reason: 'r' }, 3, 5, now).visibleAt).toBe(now + 4_000);
    expect(settlementFor({ status: 'retry', reason: 'r' }, 5, 5, now)).toEqual({ status: 'dead', reason: 'r', visibleAt: now });
  });

  it('treats an outcome it does not know as transient', () => {
    const unknown = { status: 'maybe' } as unknown as Parameters<typeof settlementFor>[0];
    expect(settlementFor(unknown, 1, 5, now)).toMatchObject({ status: 'queued', reason: expect.stringContaining('unknown outcome') as unknown });
  });

  it('backs off 1 s, 2 s, 4 s … up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(defaultRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(defaultRetryDelayMs(30)).toBe(300_000);
  });

  it('keeps a thrown error as the retry reason', () => {
    expect(outcomeOfError(new TypeError('boom'))).toEqual({ status: 'retry', reason: 'handler threw TypeError: boom' });
    expect(outcomeOfError('plain')).toEqual({ status: 'retry', reason: 'handler threw plain' });
  });
});

describe('StartRate', () => {
  it('allows `rate` starts in any second, then waits for the oldest to age out', () => {
    const rate = new StartRate(3);
    expect(rate.available(0)).toBe(3);
    rate.record(0);
    rate.record(100);
    rate.record(200);
    expect(rate.available(500)).toBe(0);
    expect(rate.waitMs(500)).toBe(500);
    expect(rate.available(1_000)).toBe(1);
    expect(rate.waitMs(1_000)).toBe(0);
  });

  it('rounds fractional rates down, and spaces starts below one per second', () => {
    const twoAndHalf = new StartRate(2.5);
    expect(twoAndHalf.available(0)).toBe(2);
    const half = new StartRate(0.5);
    half.record(0);
    expect(half.waitMs(0)).toBe(2_000);
    expect(half.available(1_999)).toBe(0);
    expect(half.available(2_000)).toBe(1);
  });

  it('refuses a rate that is not a positive number', () => {
    expect(() => new StartRate(0)).toThrow(RangeError);
    expect(() => new StartRate(Number.NaN)).toThrow(RangeError);
    expect(() => new StartRate(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
