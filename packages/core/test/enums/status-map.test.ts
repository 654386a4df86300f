import { describe, expect, it } from 'vitest';
import { openEnum } from '../../src/enums/open-enum.js';
import { statusMap } from '../../src/enums/status-map.js';
import { UnknownValueTracker } from '../../src/enums/unknown-value-tracker.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';

const dhlStatus = openEnum('dhl.shipment_status', ['PU', 'TR', 'OD', 'DL', 'NH', 'CA']);

const shipmentStatus = statusMap(dhlStatus, {
  in_transit: ['PU', 'TR', 'OD'],
  delivered: ['DL'],
  exception: ['NH'],
});

function setup(): { sink: MemoryTelemetrySink; tracker: UnknownValueTracker } {
  const sink = new MemoryTelemetrySink();
  const tracker = new UnknownValueTracker({ provider: 'dhl', emit: (event) => sink.emit(event), clock: { now: () => 0 } });
  return { sink, tracker };
}

describe('statusMap', () => {
  it('maps each provider code to its canonical status, keeping the raw code', () => {
    expect(shipmentStatus.map('TR')).toEqual({ status: 'in_transit', raw: 'TR' });
    expect(shipmentStatus.map('DL')).toEqual({ status: 'delivered', raw: 'DL' });
    expect(shipmentStatus.map(dhlStatus.parse('NH'))).toEqual({ status: 'exception', raw: 'NH' });
  });

  it('never guesses: a new provider code is unknown, alerts once and is counted on repeats', () => {
    const { sink, tracker } = setup();

    expect(shipmentStatus.map('RETURNED_TO_SENDER', tracker)).toEqual({ status: 'unknown', raw: 'RETURNED_TO_SENDER' });
    expect(shipmentStatus.map('RETURNED_TO_SENDER', tracker)).toEqual({ status: 'unknown', raw: 'RETURNED_TO_SENDER' });
    shipmentStatus.map('RETURNED_TO_SENDER', tracker);

    const events = sink.ofType('enum.unknown_value');
    expect(events.filter((event) => event.firstSeen)).toEqual([
      { type: 'enum.unknown_value', at: 0, provider: 'dhl', enum: 'dhl.shipment_status', raw: 'RETURNED_TO_SENDER', count: 1, firstSeen: true },
    ]);
    expect(events.map((event) => event.count)).toEqual([1, 2, 3]);
    expect(tracker.counts().get('dhl.shipment_status:RETURNED_TO_SENDER')).toBe(3);
  });

  it('does not count again a value that was recorded when it was parsed', () => {
    const { sink, tracker } = setup();
    const parsed = dhlStatus.parse('RETURNED_TO_SENDER', tracker);
    expect(shipmentStatus.map(parsed, tracker)).toEqual({ status: 'unknown', raw: 'RETURNED_TO_SENDER' });
    expect(sink.events).toHaveLength(1);
  });

  it('treats a listed code the table lacks as unknown and records it', () => {
    const { sink, tracker } = setup();
    expect(shipmentStatus.map('CA', tracker)).toEqual({ status: 'unknown', raw: 'CA' });
    expect(shipmentStatus.map(dhlStatus.parse('CA'), tracker)).toEqual({ status: 'unknown', raw: 'CA' });
    expect(sink.ofType('enum.unknown_value').map((event) => [event.raw, event.count])).toEqual([
      ['CA', 1],
      ['CA', 2],
    ]);
  });

  it('maps without a tracker', () => {
    expect(shipmentStatus.map('ZZ')).toEqual({ status: 'unknown', raw: 'ZZ' });
  });

  it('exposes its table and source', () => {
    expect(shipmentStatus.source).toBe('dhl.shipment_status');
    expect(shipmentStatus.table.delivered).toEqual(['DL']);
  });

  it('refuses a code listed under two statuses', () => {
    expect(() => statusMap(dhlStatus, { in_transit: ['TR'], delivered: ['DL', 'TR'] })).toThrow(
      new TypeError("statusMap dhl.shipment_status: 'TR' is listed under both 'in_transit' and 'delivered'"),
    );
  });

  it('tolerates a code repeated under the same status', () => {
    expect(statusMap(dhlStatus, { delivered: ['DL', 'DL'] }).map('DL')).toEqual({ status: 'delivered', raw: 'DL' });
  });

  it('rejects, at compile time, a code the source enum does not list', () => {
    // @ts-expect-error 'XX' is not a dhl.shipment_status value
    const map = statusMap(dhlStatus, { delivered: ['DL', 'XX'] });
    expect(map.map('XX')).toEqual({ status: 'unknown', raw: 'XX' });
  });
});
