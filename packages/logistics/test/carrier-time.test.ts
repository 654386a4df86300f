import { describe, expect, it } from 'vitest';
import { resolveCarrierTime } from '../src/index.js';
import { thrown } from './fixtures.js';

const utc = (iso: string): number => Date.parse(iso);

describe('resolveCarrierTime', () => {
  it('resolves a zone-less local time in the declared zone, India at +05:30', () => {
    expect(resolveCarrierTime({ date: '2026-03-01T10:00:00', zone: 'Asia/Kolkata' })).toBe(utc('2026-03-01T04:30:00Z'));
    expect(resolveCarrierTime({ date: '2026-03-01 10:00:00', zone: 'Asia/Kolkata' })).toBe(utc('2026-03-01T04:30:00Z'));
  });

  it("reads UPS's separate compact date and time, its lost leading zero too", () => {
    expect(resolveCarrierTime({ date: '20260115', time: '074700', zone: 'America/New_York' })).toBe(utc('2026-01-15T12:47:00Z'));
    expect(resolveCarrierTime({ date: '20260115', time: '74700', zone: 'America/New_York' })).toBe(utc('2026-01-15T12:47:00Z'));
    expect(resolveCarrierTime({ date: '2026-07-15', time: '07:47', zone: 'America/New_York' })).toBe(utc('2026-07-15T11:47:00Z'));
  });

  it('takes a date alone as the start of that day in the zone', () => {
    expect(resolveCarrierTime({ date: '2026-06-01', zone: 'Europe/Berlin' })).toBe(utc('2026-05-31T22:00:00Z'));
  });

  it('keeps a timestamp that carries its offset as it is, whatever zone is declared', () => {
    expect(resolveCarrierTime({ date: '2026-03-29T02:30:00+05:30', zone: 'Europe/Berlin' })).toBe(utc('2026-03-28T21:00:00Z'));
    expect(resolveCarrierTime({ date: '2026-03-29T02:30:00Z', zone: 'Asia/Kolkata' })).toBe(utc('2026-03-29T02:30:00Z'));
  });

  it('reads a time in the spring-forward gap with the offset from before it (02:30 is 03:30 CEST)', () => {
    expect(resolveCarrierTime({ date: '2026-03-29T02:30:00', zone: 'Europe/Berlin' })).toBe(utc('2026-03-29T01:30:00Z'));
    expect(resolveCarrierTime({ date: '2026-03-29T01:59:59', zone: 'Europe/Berlin' })).toBe(utc('2026-03-29T00:59:59Z'));
    expect(resolveCarrierTime({ date: '2026-03-29T03:00:00', zone: 'Europe/Berlin' })).toBe(utc('2026-03-29T01:00:00Z'));
  });

  it('reads a time the clocks showed twice in autumn as the earlier one', () => {
    expect(resolveCarrierTime({ date: '2026-10-25T02:30:00', zone: 'Europe/Berlin' })).toBe(utc('2026-10-25T00:30:00Z'));
    expect(resolveCarrierTime({ date: '2026-11-01', time: '013000', zone: 'America/New_York' })).toBe(utc('2026-11-01T05:30:00Z'));
  });

  it('refuses an impossible date as a contract violation, and an unknown zone as configuration', () => {
    expect(thrown(() => resolveCarrierTime({ date: '2017-20-10T09:00:00', zone: 'Europe/Berlin' }))).toMatchObject({ kind: 'contract_violation', reason: 'invalid_instant' });
    expect(() => resolveCarrierTime({ date: '2026-01-01', zone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
