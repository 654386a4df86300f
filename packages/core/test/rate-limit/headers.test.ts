import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from '../../src/rate-limit/index.js';

const NOW = Date.UTC(2026, 0, 1);
const parse = (init: Record<string, string>) => parseRateLimitHeaders(new Headers(init), NOW);

describe('parseRateLimitHeaders: X-RateLimit-*', () => {
  it('reads a reset given in seconds from now', () => {
    expect(parse({ 'X-RateLimit-Limit': '5000', 'X-RateLimit-Remaining': '4999', 'X-RateLimit-Reset': '60' })).toEqual({
      limit: 5000,
      remaining: 4999,
      resetAt: NOW + 60_000,
    });
  });

  it('reads a reset given in epoch seconds', () => {
    const resetSeconds = NOW / 1000 + 30;
    expect(parse({ 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': String(resetSeconds) })).toEqual({
      remaining: 10,
      resetAt: NOW + 30_000,
    });
  });

  it('reads a reset given in epoch milliseconds', () => {
    expect(parse({ 'x-ratelimit-remaining': '10', 'x-ratelimit-reset': String(NOW + 1234) })).toEqual({
      remaining: 10,
      resetAt: NOW + 1234,
    });
  });

  it('clamps a negative remaining count and a negative delay', () => {
    expect(parse({ 'x-ratelimit-remaining': '-3', 'x-ratelimit-reset': '-1' })).toEqual({ remaining: 0, resetAt: NOW });
  });

  it.each([
    [{ 'x-ratelimit-limit': '100', 'x-ratelimit-reset': '5' }],
    [{ 'x-ratelimit-remaining': '5' }],
    [{ 'x-ratelimit-remaining': 'lots', 'x-ratelimit-reset': '5' }],
    [{ 'x-ratelimit-remaining': '', 'x-ratelimit-reset': '5' }],
    [{}],
  ])('is undefined without both a remaining count and a reset: %o', (init) => {
    expect(parse(init)).toBeUndefined();
  });
});

describe('parseRateLimitHeaders: RateLimit-Limit/Remaining/Reset', () => {
  it('reads the separate IETF draft fields', () => {
    expect(parse({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '42', 'RateLimit-Reset': '7' })).toEqual({
      limit: 100,
      remaining: 42,
      resetAt: NOW + 7000,
    });
  });

  it('takes the quota from a limit that also lists policies', () => {
    expect(parse({ 'RateLimit-Limit': '100, 100;w=60', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '2' })).toMatchObject({
      limit: 100,
    });
  });

  it('is preferred to the X- fields', () => {
    expect(
      parse({ 'RateLimit-Remaining': '1', 'RateLimit-Reset': '2', 'X-RateLimit-Remaining': '9', 'X-RateLimit-Reset': '9' }),
    ).toEqual({ remaining: 1, resetAt: NOW + 2000 });
  });
});

describe('parseRateLimitHeaders: combined RateLimit', () => {
  it('reads the dictionary form', () => {
    expect(parse({ RateLimit: 'limit=100, remaining=50, reset=5' })).toEqual({ limit: 100, remaining: 50, resetAt: NOW + 5000 });
  });

  it('is undefined for a dictionary without a reset', () => {
    expect(parse({ RateLimit: 'limit=100, remaining=50' })).toBeUndefined();
  });

  it('reads the policy-item form', () => {
    expect(parse({ RateLimit: '"default";r=50;t=30' })).toEqual({ remaining: 50, resetAt: NOW + 30_000 });
  });

  it('takes the item with the least room left', () => {
    expect(parse({ RateLimit: '"hour";r=900;t=1800, "burst";r=2;t=1, "day";r=5000;t=40000' })).toEqual({
      remaining: 2,
      resetAt: NOW + 1000,
    });
  });

  it('skips items missing a count or a reset', () => {
    expect(parse({ RateLimit: '"a";r=1, "b";t=3, "c";r=7;t=4' })).toEqual({ remaining: 7, resetAt: NOW + 4000 });
  });

  it('falls back to the separate fields when the combined one says nothing usable', () => {
    expect(parse({ RateLimit: '"default";q=100', 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '1' })).toEqual({
      remaining: 3,
      resetAt: NOW + 1000,
    });
  });
});
