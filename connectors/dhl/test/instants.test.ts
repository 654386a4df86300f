import { weight } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { fromWireTime } from '../src/index.js';
import { connectorFor, onSimulation, shipInput, thrown } from './helpers.js';

const utc = (text: string): number => fromWireTime(text, 'timestamp');
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

describe('dhl timestamps', () => {
  it('reads a zone-less DateTime as German time, on both sides of the March change', () => {
    expect(iso(utc('2026-03-29T01:59:59'))).toBe('2026-03-29T00:59:59.000Z');
    // 02:30 never happened in Berlin that night: read with the offset from before, as 03:30.
    expect(iso(utc('2026-03-29T02:30:00'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(utc('2026-03-29T03:00:00'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a zone-less DateTime shown twice in October as the earlier one, and the hour after in winter time', () => {
    expect(iso(utc('2026-10-25T01:59:00'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(utc('2026-10-25T02:30:00'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(utc('2026-10-25T03:00:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('keeps an offset or a Z as sent, +05:30 included, whatever the declared zone', () => {
    expect(iso(utc('2026-03-29T02:30:00+05:30'))).toBe('2026-03-28T21:00:00.000Z');
    expect(iso(utc('2026-10-25T02:30:00+01:00'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(utc('2026-10-25T02:30:00Z'))).toBe('2026-10-25T02:30:00.000Z');
    expect(iso(utc('2018-03-02T07:53:47Z'))).toBe('2018-03-02T07:53:47.000Z');
  });

  it('reads a Date alone as the start of that day in Germany', () => {
    expect(iso(utc('2026-03-29'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(utc('2026-07-01'))).toBe('2026-06-30T22:00:00.000Z');
  });

  it('refuses a date that does not exist (the spec example 2017-20-10) as a contract violation', () => {
    expect(thrown(() => utc('2017-20-10T09:00:00'))).toMatchObject({ kind: 'contract_violation' });
  });

  it('resolves every scan the simulation writes across the March change to the instant it was made', { timeout: 30_000 }, async () => {
    // 00:45 UTC is 01:45 in Berlin; the scans after it fall past the change, in all three forms.
    await onSimulation(async (clock, simulation) => {
      const [number = ''] = simulation.ship(shipInput(0, { weight: weight(1, 'kg') })).trackingNumbers;
      const scannedAt = [clock.now()];
      for (let step = 0; step < 3; step++) {
        await clock.sleep(30 * 60_000);
        simulation.scan();
        scannedAt.push(clock.now());
      }
      const [result] = await connectorFor(clock, simulation).track([number]);
      expect(result?.found === true ? result.tracks[0]?.events.map((event) => iso(event.occurredAt)) : []).toEqual(scannedAt.map((at) => iso(Math.floor(at / 1000) * 1000)));
    }, Date.UTC(2026, 2, 29, 0, 45));
  });
});
