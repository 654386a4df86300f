import { describe, expect, it } from 'vitest';
import { isValidWallTime, msToWallTime, wallClockMs, type WallTime } from '../../src/units/wall-clock.js';
import { parseWallTime, renderWallTime } from '../../src/units/wall-clock-text.js';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  millisecond,
});

describe('wall clock', () => {
  it('reads years below 100 as written, not as 19xx', () => {
    expect(msToWallTime(wallClockMs(wall(50, 6, 1)))).toEqual(wall(50, 6, 1));
    expect(wallClockMs(wall(1970, 1, 1))).toBe(0);
  });

  it.each([
    [wall(2024, 2, 29), true],
    [wall(2025, 2, 29), false],
    [wall(2026, 4, 31), false],
    [wall(2026, 0, 10), false],
    [wall(2026, 1, 0), false],
    [wall(2026, 1, 1, 23, 59, 59, 999), true],
    [wall(2026, 1, 1, 24), false],
    [wall(2026, 1, 1, 0, 60), false],
    [wall(2026, 1, 1, 0, 0, 60), false],
  ])('judges %o valid: %s', (fields, valid) => {
    expect(isValidWallTime(fields)).toBe(valid);
  });
});

describe('wall-clock text', () => {
  it('reads and cuts fractions to milliseconds', () => {
    expect(parseWallTime('2026-03-01 10:00:00.98765', 'iso')).toEqual(wall(2026, 3, 1, 10, 0, 0, 987));
    expect(parseWallTime('2026-03-01T10:00', 'iso')).toEqual(wall(2026, 3, 1, 10));
  });

  it('refuses text that does not match or names no real time', () => {
    expect(parseWallTime('2026-03-01', 'iso')).toBeUndefined();
    expect(parseWallTime('31/04/2026 10:00', 'dd/MM/yyyy HH:mm')).toBeUndefined();
  });

  it('renders four-digit years only', () => {
    expect(renderWallTime(wall(5, 1, 2, 3, 4, 5, 6), 'iso')).toBe('0005-01-02T03:04:05.006');
    expect(renderWallTime(wall(0, 1, 1), 'yyyy-MM-dd HH:mm:ss')).toBe('0000-01-01 00:00:00');
    expect(() => renderWallTime(wall(10000, 1, 1), 'iso')).toThrow(RangeError);
    expect(() => renderWallTime(wall(-1, 1, 1), 'iso')).toThrow(RangeError);
  });
});
