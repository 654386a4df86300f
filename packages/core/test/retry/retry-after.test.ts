import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/retry/retry-after.js';

const NOW = Date.UTC(2015, 9, 21, 7, 28, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['5', 5_000],
    ['120', 120_000],
    ['1.5', 1_500],
    ['0.25', 250],
    [' 3 ', 3_000],
  ])('reads delta-seconds %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', NOW)).toBe(30_000);
  });

  it('rounds a date up so that the wait is never short', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', NOW + 250)).toBe(29_750);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', NOW + 0.5)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 date form', () => {
    expect(parseRetryAfter('Wednesday, 21-Oct-15 07:29:00 GMT', NOW)).toBe(60_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', NOW)).toBe(0);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['-1'],
    ['+5'],
    ['1e3'],
    ['.5'],
    ['5.'],
    ['soon'],
    ['1'.repeat(400)],
    // Date.parse would accept these, wrongly or in local time.
    ['2015-10-21T07:29:00Z'],
    ['Sun Nov  6 08:49:37 1994'],
    ['Wed, 21 Oct 2015 07:28:00'],
    ['Wed, 32 Oct 2015 07:28:00 GMT'],
    ['Foo, bar GMT'],
  ])('rejects %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
