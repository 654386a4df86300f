import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../../src/units/index.js';
import { assertTimeZone } from '../../src/units/time-zones.js';

const HOUR = 3_600_000;

describe('zoneOffsetMs', () => {
  it.each([
    ['UTC', '2026-03-01T00:00:00Z', 0],
    ['Asia/Kolkata', '2026-03-01T00:00:00Z', 5.5 * HOUR],
    ['Asia/Kathmandu', '2026-03-01T00:00:00Z', 5.75 * HOUR],
    ['America/New_York', '2026-01-15T12:00:00Z', -5 * HOUR],
    ['America/New_York', '2026-07-15T12:00:00Z', -4 * HOUR],
    ['Europe/Berlin', '2026-01-15T12:00:00Z', HOUR],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 2 * HOUR],
    ['Asia/Kolkata', '1800-01-01T00:00:00Z', (5 * 3600 + 53 * 60 + 28) * 1000],
  ])('%s at %s is %i ms', (zone, at, offset) => {
    expect(zoneOffsetMs(zone, Date.parse(at))).toBe(offset);
  });

  it('switches exactly at the transition', () => {
    const transition = Date.parse('2026-03-08T07:00:00Z');
    expect(zoneOffsetMs('America/New_York', transition - 1)).toBe(-5 * HOUR);
    expect(zoneOffsetMs('America/New_York', transition)).toBe(-4 * HOUR);
  });

  it('works before the common era and for instants within a second', () => {
    expect(zoneOffsetMs('UTC', Date.parse('-000100-06-01T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMs('Asia/Kolkata', -1)).toBe(5.5 * HOUR);
    expect(zoneOffsetMs('Asia/Kolkata', 1700000000999)).toBe(5.5 * HOUR);
  });

  it('treats an unknown zone as a configuration error', () => {
    expect(() => zoneOffsetMs('Nowhere/Special', 0)).toThrow(RangeError);
    expect(() => assertTimeZone('')).toThrow(RangeError);
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });
});
