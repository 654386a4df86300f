import { describe, expect, it } from 'vitest';
import { fromWireLocalTime } from '../src/index.js';

const at = (text: string): string => new Date(fromWireLocalTime(text, 'test')).toISOString();

describe('sendcloud times', () => {
  it('reads zone-less times as Amsterdam local time on either side of a DST change', () => {
    expect(at('2026-03-28T12:00:00')).toBe('2026-03-28T11:00:00.000Z');
    expect(at('2026-03-30T12:00:00')).toBe('2026-03-30T10:00:00.000Z');
    expect(at('2026-10-24T12:00:00')).toBe('2026-10-24T10:00:00.000Z');
    expect(at('2026-10-26T12:00:00')).toBe('2026-10-26T11:00:00.000Z');
  });

  it('reads a time the spring change skipped with the offset from before it, and a doubled autumn time as the earlier', () => {
    expect(at('2026-03-29T02:30:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-10-25T02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25T03:30:00')).toBe('2026-10-25T02:30:00.000Z');
  });

  it("reads v2-parcels' day-first date_created the same way, day before month", () => {
    expect(at('01-01-2018 21:45:30')).toBe('2018-01-01T20:45:30.000Z');
    expect(at('05-06-2018 11:27:55')).toBe('2018-06-05T09:27:55.000Z');
    expect(at('25-10-2026 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('keeps the offset of a time that has one: Z, +00:00 with microseconds, and +05:30 at a European DST edge', () => {
    expect(at('2024-01-02T00:00:00Z')).toBe('2024-01-02T00:00:00.000Z');
    expect(at('2022-01-25 14:42:03.277703+00:00')).toBe('2022-01-25T14:42:03.277Z');
    expect(at('2026-03-29T02:30:00+05:30')).toBe('2026-03-28T21:00:00.000Z');
    expect(at('2026-10-25 02:30:00.5+05:30')).toBe('2026-10-24T21:00:00.500Z');
  });

  it('refuses what is no time at all as the carrier breaking its contract', () => {
    let refused: unknown;
    try {
      at('yesterday');
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ kind: 'contract_violation' });
  });
});
