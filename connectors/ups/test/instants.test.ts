import { describe, expect, it } from 'vitest';
import { fromUpsTime } from '../src/index.js';

const at = (iso: string): number => Date.parse(iso);
const read = (scan: Parameters<typeof fromUpsTime>[0], zone = 'America/New_York'): number | undefined => fromUpsTime(scan, zone, 'date');

describe('ups scan times', () => {
  it('reads the GMT date and time first, the spec example\'s "74700" (a leading zero lost) as 07:47:00', () => {
    expect(read({ date: '20210210', time: '071356', gmtDate: '20210210', gmtTime: '74700', gmtOffset: '-05:00' })).toBe(at('2021-02-10T07:47:00Z'));
    expect(read({ date: '20210210', time: '021356', gmtDate: '20210210', gmtTime: '74700' }, 'Asia/Kolkata')).toBe(at('2021-02-10T07:47:00Z'));
  });

  it('reads times in the first hour, two leading zeros lost, as 00:MM:SS: "4948" is 00:49:48 and "512" 00:05:12', () => {
    expect(read({ date: '20210210', time: '194948', gmtDate: '20210211', gmtTime: '4948' })).toBe(at('2021-02-11T00:49:48Z'));
    expect(read({ date: '20210211', time: '512', gmtOffset: '+00:00' })).toBe(at('2021-02-11T00:05:12Z'));
    expect(read({ date: '20210211', time: '4948' }, 'UTC')).toBe(at('2021-02-11T00:49:48Z'));
  });

  it('reads local times with UPS\'s offset in both of its spellings, +05:30 included', () => {
    expect(read({ date: '20260329', time: '023000', gmtOffset: '+05:30' })).toBe(at('2026-03-28T21:00:00Z'));
    expect(read({ date: '20240423', time: '091519', gmtOffset: '-04.00' })).toBe(at('2024-04-23T13:15:19Z'));
  });

  it('reads zone-less local times in the declared zone: +05:30 all year', () => {
    expect(read({ date: '20260329', time: '023000' }, 'Asia/Kolkata')).toBe(at('2026-03-28T21:00:00Z'));
    expect(read({ date: '20261025', time: '23000' }, 'Asia/Kolkata')).toBe(at('2026-10-24T21:00:00Z'));
  });

  it('moves a time the spring-forward gap skipped forward, and takes the earlier of a time shown twice', () => {
    // America/New_York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT falls back to 01:00 EST.
    expect(read({ date: '20260308', time: '023000' })).toBe(at('2026-03-08T07:30:00Z'));
    expect(read({ date: '20260308', time: '013000' })).toBe(at('2026-03-08T06:30:00Z'));
    expect(read({ date: '20260308', time: '033000' })).toBe(at('2026-03-08T07:30:00Z'));
    expect(read({ date: '20261101', time: '013000' })).toBe(at('2026-11-01T05:30:00Z'));
    expect(read({ date: '20261101', time: '023000' })).toBe(at('2026-11-01T07:30:00Z'));
    // Europe/Berlin, the other side of the Atlantic's DST dates.
    expect(read({ date: '20261025', time: '023000' }, 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
    expect(read({ date: '20260329', time: '023000' }, 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('says nothing for a scan with no date', () => {
    expect(read({ time: '101010' })).toBeUndefined();
  });
});
