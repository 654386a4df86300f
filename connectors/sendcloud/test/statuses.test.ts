import { MemoryTelemetrySink, UnknownValueTracker } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { PARCEL_STATUS_CODE, PARENT_STATUS, PARENT_STATUS_MAP, SHIPMENT_STATUS_MAP, STATUS_ID, STATUS_ID_MAP } from '../src/index.js';

/*
 * Every value the specs enumerate or exemplify, with what it means in them (wire/status.ts names
 * each source). Values sendcloud.dev describes only in words, or lists behind GET /parcels/statuses
 * (no spec of which is mirrored), are not wire values we know: they must arrive as `unknown`.
 */
const SHIPMENT_CODES = [
  ['ANNOUNCING', 'label_created'],
  ['READY_TO_SEND', 'label_created'],
  ['ANNOUNCEMENT_FAILED', 'exception'],
  ['CANCELLED', 'canceled'],
] as const;

const PARENT_STATUSES = [
  ['announcing', 'label_created'],
  ['ready-to-send', 'label_created'],
  ['shipment-on-route', 'in_transit'],
  ['delivered', 'delivered'],
] as const;

const STATUS_IDS = [
  ['1000', 'label_created'],
  ['11', 'delivered'],
  ['2000', 'canceled'],
] as const;

interface Vocabulary {
  name: string;
  map: { map(code: string, tracker?: UnknownValueTracker): { status: string; raw: string } };
  source: { values: readonly string[] };
  table: readonly (readonly [code: string, status: string])[];
  undocumented: readonly string[];
}

const VOCABULARIES: readonly Vocabulary[] = [
  { name: 'a v3 parcel status.code', map: SHIPMENT_STATUS_MAP, source: PARCEL_STATUS_CODE, table: SHIPMENT_CODES, undocumented: ['EN_ROUTE', 'announcing'] },
  { name: "v2 tracking's parent_status", map: PARENT_STATUS_MAP, source: PARENT_STATUS, table: PARENT_STATUSES, undocumented: ['At sorting centre', 'at-sorting-centre', 'ANNOUNCING'] },
  { name: "a webhook parcel's status id", map: STATUS_ID_MAP, source: STATUS_ID, table: STATUS_IDS, undocumented: ['0', '1', '62990'] },
];

describe('sendcloud status maps', () => {
  describe.each(VOCABULARIES)('$name', ({ map, source, table, undocumented }) => {
    it.each(table.map(([code, status]) => ({ code, status })))('maps $code to $status, keeping the code raw', ({ code, status }) => {
      expect(map.map(code)).toEqual({ status, raw: code });
    });

    it('maps every value the specs give, and nothing beside them', () => {
      expect([...source.values].sort()).toEqual(table.map(([code]) => code).sort());
    });

    it.each(undocumented)('keeps %s raw as unknown and alerts on it once', (code) => {
      const telemetry = new MemoryTelemetrySink();
      const tracker = new UnknownValueTracker({ provider: 'sendcloud', emit: (event) => telemetry.emit(event) });
      expect(map.map(code, tracker)).toEqual({ status: 'unknown', raw: code });
      map.map(code, tracker);
      expect(telemetry.ofType('enum.unknown_value').filter((event) => event.firstSeen).map((event) => event.raw)).toEqual([code]);
    });
  });
});
