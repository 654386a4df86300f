import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { acknowledgedFields } from '../../src/contracts/acknowledged.js';
import { ContractDriftCounter } from '../../src/contracts/drift-counter.js';
import { jsonTypeOf } from '../../src/contracts/drift.js';
import { parseContract } from '../../src/contracts/parse-contract.js';
import { openEnum } from '../../src/enums/open-enum.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';
import { dhlContract, recordingContext, thrownBy } from './support.js';

const status = openEnum('dhl.shipment_status', ['transit', 'delivered']);

/** A shipment as pinned, plus two fields the provider added since and the connector knows about. */
const shipment = z.object({
  id: z.string(),
  weightKg: z.number().optional(),
  status: status.schema,
  ...acknowledgedFields(['carbon_offset', 'source']),
});
const track = z.object({ items: z.array(shipment) });

const reads = (ctx: ReturnType<typeof recordingContext>) => ctx.sink.ofType('contract.drift');

describe('drift is reported once per new path per provider', () => {
  it('a second parse with the same new path emits no second report, but its count rises', () => {
    const ctx = recordingContext();
    let now = 1000;
    ctx.clock = { now: () => now };
    const body = { items: [{ id: 'S1', status: 'transit', weightKg: 1, risk_score: { band: 'low' } }] };
    parseContract(dhlContract(track), body, ctx);
    now = 5000;
    parseContract(dhlContract(track), body, ctx);
    parseContract(dhlContract(track), { items: [{ id: 'S2', status: 'delivered', weightKg: 1, risk_score: null }] }, ctx);

    expect(reads(ctx)).toHaveLength(1);
    expect(reads(ctx)[0]).toMatchObject({ at: 1000, drift: ['unknown_field items[].risk_score'], firstSeen: [{ kind: 'unknown_field', path: 'items[].risk_score', exampleType: 'object' }] });
    expect(ctx.driftCounter.sightings()).toEqual([
      { contract: 'dhl:track_shipment@v2', kind: 'unknown_field', path: 'items[].risk_score', detail: undefined, exampleType: 'object', firstSeenAt: 1000, lastSeenAt: 5000, count: 3 },
    ]);
    expect(ctx.driftCounter.counts().get('dhl:track_shipment@v2')).toBe(3);
  });

  it('a parse with one known and one new path reports only the new one', () => {
    const ctx = recordingContext();
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'transit', weightKg: 1, risk_score: 1 }] }, ctx);
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'transit', weightKg: 1, risk_score: 1, carrier: 'x' }] }, ctx);
    expect(reads(ctx).map((event) => event.drift)).toEqual([['unknown_field items[].risk_score'], ['unknown_field items[].carrier']]);
    expect(ctx.driftCounter.sightings().map((each) => [each.path, each.count])).toEqual([
      ['items[].risk_score', 2],
      ['items[].carrier', 1],
    ]);
  });

  it('the same path under another contract, or another unknown value, is new', () => {
    const ctx = recordingContext();
    const other = { ...dhlContract(track), name: 'list_shipments' };
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'held', weightKg: 1, risk_score: 1 }] }, ctx);
    parseContract(other, { items: [{ id: 'S1', status: 'held', weightKg: 1, risk_score: 1 }] }, ctx);
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'lost', weightKg: 1, risk_score: 1 }] }, ctx);
    expect(reads(ctx).map((event) => event.drift)).toEqual([
      ['unknown_enum items[].status (held)', 'unknown_field items[].risk_score'],
      ['unknown_enum items[].status (held)', 'unknown_field items[].risk_score'],
      ['unknown_enum items[].status (lost)'],
    ]);
  });

  it('without a counter, every parse reports all it found (nothing to remember with)', () => {
    const sink = new MemoryTelemetrySink();
    const body = { items: [{ id: 'S1', status: 'transit', risk_score: 1 }] };
    parseContract(dhlContract(track), body, { emit: (event) => sink.emit(event) });
    parseContract(dhlContract(track), body, { emit: (event) => sink.emit(event) });
    expect(sink.ofType('contract.drift')).toHaveLength(2);
  });

  it('a strict contract still fails on drift it has seen before', () => {
    const ctx = recordingContext();
    const body = { items: [{ id: 'S1', status: 'transit', risk_score: 1 }] };
    expect(thrownBy(() => parseContract(dhlContract(track, 'strict'), body, ctx)).reason).toBe('contract_drift');
    expect(thrownBy(() => parseContract(dhlContract(track, 'strict'), body, ctx)).reason).toBe('contract_drift');
    expect(reads(ctx)).toHaveLength(1);
  });

  it('never keeps a value, only its type', () => {
    // Made per run: a key-shaped value, never one written in the source.
    const secret = `sk_live_${randomBytes(12).toString('hex')}`;
    const ctx = recordingContext();
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'transit', api_key: secret }] }, ctx);
    expect(JSON.stringify([ctx.sink.events, ctx.driftCounter.sightings()])).not.toContain(secret);
    expect(ctx.driftCounter.sightings()[0]?.exampleType).toBe('string');
    expect([null, true, 1, 'a', [], {}].map(jsonTypeOf)).toEqual(['null', 'boolean', 'number', 'string', 'array', 'object']);
  });
});

describe('acknowledged fields', () => {
  it('an acknowledged field emits nothing, present or absent, and is not counted', () => {
    const ctx = recordingContext();
    const { value, drift } = parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'transit', source: null, carbon_offset: { kg: 2 } }] }, ctx);
    const older = parseContract(dhlContract(track), { items: [{ id: 'S2', status: 'transit', weightKg: 1 }] }, ctx);
    expect(drift.entries).toEqual([{ kind: 'missing_optional', path: 'items[].weightKg' }]);
    // An object older than the fields lacks them by nature: not even informational.
    expect(older.drift.entries).toEqual([]);
    expect(value.items[0]?.carbon_offset).toEqual({ kg: 2 });
    expect(ctx.sink.events).toEqual([]);
    expect(ctx.driftCounter.sightings()).toEqual([]);
  });

  it('an unacknowledged field beside acknowledged ones still alerts, without the acknowledged ones in the report', () => {
    const ctx = recordingContext();
    parseContract(dhlContract(track), { items: [{ id: 'S1', status: 'transit', weightKg: 1, risk_score: 3 }] }, ctx);
    expect(reads(ctx).map((event) => event.drift)).toEqual([['unknown_field items[].risk_score']]);
  });

  it('acknowledges only where it is declared: the same name elsewhere is still drift', () => {
    const ctx = recordingContext();
    const withOwner = z.object({ items: z.array(shipment), owner: z.object({ id: z.string() }) });
    parseContract(dhlContract(withOwner), { items: [], owner: { id: 'o', source: 'api' } }, ctx);
    expect(reads(ctx)[0]?.drift).toEqual(['unknown_field owner.source']);
  });

  it('refuses a name listed twice', () => {
    expect(() => acknowledgedFields(['source', 'source'])).toThrow("acknowledgedFields: 'source' is listed twice");
  });
});

describe('ContractDriftCounter', () => {
  it('hands out copies, so a caller cannot change its counts', () => {
    const counter = new ContractDriftCounter();
    counter.sight({ provider: 'dhl', name: 'track', version: 'v2' }, { kind: 'unknown_field', path: 'x' }, 1);
    const [sighting] = counter.sightings();
    if (sighting) sighting.count = 99;
    expect(counter.sightings()[0]?.count).toBe(1);
  });
});
