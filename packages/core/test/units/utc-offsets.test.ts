import { describe, expect, it } from 'vitest';
import { formatUtcOffset, parseUtcOffset } from '../../src/units/utc-offsets.js';

describe('parseUtcOffset', () => {
  it.each([
    ['Z', 0],
    ['z', 0],
    ['+05:30', 19_800_000],
    ['+0530', 19_800_000],
    ['-08:00', -28_800_000],
    ['-0800', -28_800_000],
    ['+05:53:28', 21_208_000],
    ['+055328', 21_208_000],
  ])('reads %s', (text, offset) => {
    expect(parseUtcOffset(text)).toBe(offset);
  });

  it.each(['', '+5', '+05', '+05:3', '05:30', '+05:3000', '+0530:00', '+24:00', '+05:60', '+05:30:60', 'UTC'])('refuses %o', (text) => {
    expect(parseUtcOffset(text)).toBeUndefined();
  });
});

describe('formatUtcOffset', () => {
  it.each([
    [0, '+00:00'],
    [19_800_000, '+05:30'],
    [-28_800_000, '-08:00'],
    [-12_600_000, '-03:30'],
    [21_208_000, '+05:53:28'],
  ])('writes %i as %s', (offset, text) => {
    expect(formatUtcOffset(offset)).toBe(text);
  });
});
