import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineContract } from '../../src/contracts/contract.js';
import { parseContract } from '../../src/contracts/parse-contract.js';
import { openEnum } from '../../src/enums/open-enum.js';
import { statusMap } from '../../src/enums/status-map.js';
import { MemoryTelemetrySink } from '../../src/telemetry/telemetry.js';
import { dhlContract, recordingContext, thrownBy } from './support.js';

const shipmentStatus = openEnum('dhl.shipment_status', ['transit', 'delivered']);

const shipment = z.object({
  id: z.string(),
  weightKg: z.number().optional(),
  note: z.string().optional(),
  status: shipmentStatus.schema,
});

const trackResponse = z.object({
  data: z.object({
    items: z.array(shipment),
    nextCursor: z.string().nullable().optional(),
  }),
});

const body = {
  data: {
    items: [
      { id: 'S1', weightKg: 1.5, note: 'fragile', status: 'transit' },
      { id: 'S2', weightKg: 2, note: 'ok', status: 'delivered' },
    ],
    nextCursor: null,
  },
};

const SECRET = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

describe('defineContract', () => {
  it('defaults the policy to warn and freezes the definition', () => {
    const contract = defineContract({ provider: 'dhl', name: 'track', version: 'v1', schema: z.string() });
    expect(contract.policy).toBe('warn');
    expect(Object.isFrozen(contract)).toBe(true);
  });

  it('refuses an empty identity', () => {
    expect(() => defineContract({ provider: 'dhl', name: '', version: 'v1', schema: z.string() })).toThrow(
      'defineContract: name must not be empty',
    );
  });
});

describe('parseContract: a response that matches', () => {
  it('returns the typed value with an empty report and emits nothing', () => {
    const ctx = recordingContext();
    const { value, drift } = parseContract(dhlContract(trackResponse), body, ctx);
    const firstId: string | undefined = value.data.items[0]?.id;
    expect(firstId).toBe('S1');
    expect(value.data.items[1]?.status).toEqual({ known: true, value: 'delivered' });
    expect(drift.entries).toEqual([]);
    expect(ctx.sink.events).toEqual([]);
    expect(ctx.driftCounter.counts().size).toBe(0);
  });

  it('works with no context at all', () => {
    expect(parseContract(dhlContract(z.object({ a: z.number() })), { a: 1 }).value).toEqual({ a: 1 });
  });
});

describe('parseContract: renamed and new fields', () => {
  it('a renamed required field is a violation, and the message names the new field as a hint', () => {
    const renamed = { data: { items: [{ shipmentId: 'S1', status: 'transit' }] } };
    const error = thrownBy(() => parseContract(dhlContract(trackResponse), renamed, { endpoint: 'GET /track' }));
    expect(error.kind).toBe('contract_violation');
    expect(error.retryable).toBe(false);
    expect(error.context).toMatchObject({ provider: 'dhl', endpoint: 'GET /track', reason: 'schema_mismatch' });
    expect(error.message).toBe(
      'dhl track_shipment@v2: response does not match its contract: data.items[].id: invalid_type (expected string, got undefined). ' +
        'Drift seen: unknown_field data.items[].shipmentId.',
    );
  });

  it('a renamed optional field is reported as missing_optional beside unknown_field, and the value passes', () => {
    const ctx = recordingContext();
    const renamed = { data: { items: [{ id: 'S1', weight_kg: 1.5, note: 'x', status: 'transit' }], nextCursor: null } };
    const { value, drift } = parseContract(dhlContract(trackResponse), renamed, ctx);
    expect(value.data.items[0]).toEqual({ id: 'S1', note: 'x', status: { known: true, value: 'transit' } });
    expect(drift.entries).toEqual([
      { kind: 'missing_optional', path: 'data.items[].weightKg' },
      { kind: 'unknown_field', path: 'data.items[].weight_kg', exampleType: 'number' },
    ]);
    expect(ctx.sink.ofType('contract.drift')).toEqual([
      {
        type: 'contract.drift',
        at: 1000,
        provider: 'dhl',
        contract: 'track_shipment',
        version: 'v2',
        policy: 'warn',
        drift: ['missing_optional data.items[].weightKg', 'unknown_field data.items[].weight_kg'],
        firstSeen: [{ kind: 'unknown_field', path: 'data.items[].weight_kg', exampleType: 'number' }],
      },
    ]);
    expect(ctx.driftCounter.counts()).toEqual(new Map([['dhl:track_shipment@v2', 1]]));
  });

  it('a new field is reported once per path however many items carry it, and stripped from the value', () => {
    const ctx = recordingContext();
    const withNew = {
      data: {
        items: body.data.items.map((item) => ({ ...item, carrier_code: SECRET })),
        nextCursor: null,
        requestId: 'r-1',
      },
    };
    const { value, drift } = parseContract(dhlContract(trackResponse), withNew, ctx);
    expect(drift.entries).toEqual([
      { kind: 'unknown_field', path: 'data.items[].carrier_code', exampleType: 'string' },
      { kind: 'unknown_field', path: 'data.requestId', exampleType: 'string' },
    ]);
    expect(value).toEqual(parseContract(dhlContract(trackResponse), body).value);
    expect(JSON.stringify(ctx.sink.events)).not.toContain(SECRET);
  });

  it('absent optional fields alone are not drift: no event, no count', () => {
    const ctx = recordingContext();
    const { drift } = parseContract(dhlContract(trackResponse), { data: { items: [{ id: 'S1', status: 'transit' }] } }, ctx);
    expect(drift.entries.map((entry) => `${entry.kind} ${entry.path}`)).toEqual([
      'missing_optional data.items[].weightKg',
      'missing_optional data.items[].note',
      'missing_optional data.nextCursor',
    ]);
    expect(ctx.sink.events).toEqual([]);
    expect(ctx.driftCounter.counts().size).toBe(0);
  });

  it('absent optional fields do not fail a strict contract either', () => {
    const { drift } = parseContract(dhlContract(trackResponse, 'strict'), { data: { items: [] } });
    expect(drift.entries).toEqual([{ kind: 'missing_optional', path: 'data.nextCursor' }]);
  });
});

describe('parseContract: a type change on an optional field', () => {
  const changed = { data: { items: [{ id: 'S1', weightKg: '1.5', note: 'x', status: 'transit' }], nextCursor: null } };

  it('in warn mode drops the field and reports type_changed', () => {
    const ctx = recordingContext();
    const { value, drift } = parseContract(dhlContract(trackResponse), changed, ctx);
    expect(value.data.items[0]).toEqual({ id: 'S1', note: 'x', status: { known: true, value: 'transit' } });
    expect(drift.entries).toEqual([{ kind: 'type_changed', path: 'data.items[].weightKg', detail: 'expected number, got string' }]);
    expect(ctx.sink.ofType('contract.drift')[0]?.drift).toEqual(['type_changed data.items[].weightKg (expected number, got string)']);
  });

  it('in strict mode is a violation with reason contract_drift, still emitted and counted', () => {
    const ctx = recordingContext();
    const error = thrownBy(() => parseContract(dhlContract(trackResponse, 'strict'), changed, ctx));
    expect(error.kind).toBe('contract_violation');
    expect(error.reason).toBe('contract_drift');
    expect(error.endpoint).toBe('track_shipment');
    expect(error.message).toBe(
      'dhl track_shipment@v2: strict contract saw drift: type_changed data.items[].weightKg (expected number, got string).',
    );
    expect(ctx.sink.ofType('contract.drift')[0]?.policy).toBe('strict');
    expect(ctx.driftCounter.counts().get('dhl:track_shipment@v2')).toBe(1);
  });

  it('a required field with the wrong type is always a violation', () => {
    const error = thrownBy(() =>
      parseContract(dhlContract(trackResponse), { data: { items: [{ id: 42, status: 'transit' }] } }),
    );
    expect(error.reason).toBe('schema_mismatch');
    expect(error.message).toContain('data.items[].id: invalid_type (expected string, got number)');
  });
});

describe('parseContract: unknown enum values', () => {
  it('inside an array of objects: value kept raw, drift per distinct value, tracker counts each occurrence', () => {
    const ctx = recordingContext();
    const items = [
      { id: 'S1', status: 'RETURNED_TO_SENDER' },
      { id: 'S2', status: 'RETURNED_TO_SENDER' },
      { id: 'S3', status: 'HELD_AT_CUSTOMS' },
      { id: 'S4', status: 'delivered' },
    ];
    const { value, drift } = parseContract(dhlContract(trackResponse), { data: { items, nextCursor: null } }, ctx);

    expect(value.data.items.map((item) => item.status)).toEqual([
      { known: false, raw: 'RETURNED_TO_SENDER' },
      { known: false, raw: 'RETURNED_TO_SENDER' },
      { known: false, raw: 'HELD_AT_CUSTOMS' },
      { known: true, value: 'delivered' },
    ]);
    expect(drift.entries.filter((entry) => entry.kind === 'unknown_enum')).toEqual([
      { kind: 'unknown_enum', path: 'data.items[].status', detail: 'RETURNED_TO_SENDER' },
      { kind: 'unknown_enum', path: 'data.items[].status', detail: 'HELD_AT_CUSTOMS' },
    ]);
    expect(ctx.sink.ofType('contract.drift')).toHaveLength(1);
    expect(ctx.sink.ofType('contract.drift')[0]?.drift).toContain('unknown_enum data.items[].status (RETURNED_TO_SENDER)');
    expect(ctx.sink.ofType('enum.unknown_value').map((event) => [event.raw, event.count, event.firstSeen])).toEqual([
      ['RETURNED_TO_SENDER', 1, true],
      ['RETURNED_TO_SENDER', 2, false],
      ['HELD_AT_CUSTOMS', 1, true],
    ]);
  });

  it('is reported once when the parsed value then goes through a status map', () => {
    const ctx = recordingContext();
    const canonical = statusMap(shipmentStatus, { in_transit: ['transit'], delivered: ['delivered'] });
    const { value } = parseContract(dhlContract(trackResponse), { data: { items: [{ id: 'S1', status: 'RETURNED_TO_SENDER' }] } }, ctx);
    const status = value.data.items[0]?.status;
    expect(status && canonical.map(status, ctx.tracker)).toEqual({ status: 'unknown', raw: 'RETURNED_TO_SENDER' });
    expect(ctx.tracker.counts().get('dhl.shipment_status:RETURNED_TO_SENDER')).toBe(1);
  });

  it('fails a strict contract without putting the raw value in the message', () => {
    const error = thrownBy(() =>
      parseContract(dhlContract(trackResponse, 'strict'), { data: { items: [{ id: 'S1', status: SECRET }] } }),
    );
    expect(error.reason).toBe('contract_drift');
    expect(error.message).toContain('unknown_enum data.items[].status');
    expect(error.message).not.toContain(SECRET);
  });

  it('a value outside a closed enum is a violation, even on an optional field', () => {
    const schema = z.object({ kind: z.enum(['parcel', 'letter']), size: z.enum(['S', 'M']).optional() });
    const required = thrownBy(() => parseContract(dhlContract(schema), { kind: 'pallet' }));
    expect(required.reason).toBe('schema_mismatch');
    expect(required.message).toContain('kind: unknown_enum (invalid_enum_value)');
    const optional = thrownBy(() => parseContract(dhlContract(schema), { kind: 'parcel', size: 'XL' }));
    expect(optional.message).toContain('size: unknown_enum (invalid_enum_value)');
  });

  it('shortens a long raw value in the event line, but keeps it whole in the report', () => {
    const ctx = recordingContext();
    const long = 'X'.repeat(100);
    const { drift } = parseContract(dhlContract(z.object({ status: shipmentStatus.schema })), { status: long }, ctx);
    expect(drift.entries[0]?.detail).toBe(long);
    expect(ctx.sink.ofType('contract.drift')[0]?.drift).toEqual([`unknown_enum status (${'X'.repeat(64)}…)`]);
  });
});

describe('parseContract: malformed bodies', () => {
  it.each([
    ['a string', 'Service Unavailable', 'string'],
    ['null', null, 'null'],
    ['an array', [], 'array'],
    ['nothing', undefined, 'undefined'],
  ])('%s instead of an object is a violation', (_label, malformed, received) => {
    const error = thrownBy(() => parseContract(dhlContract(trackResponse), malformed));
    expect(error.kind).toBe('contract_violation');
    expect(error.reason).toBe('schema_mismatch');
    expect(error.message).toBe(
      `dhl track_shipment@v2: response does not match its contract: (root): invalid_type (expected object, got ${received}).`,
    );
  });

  it('a nested object replaced by a string is a violation at its path', () => {
    const error = thrownBy(() => parseContract(dhlContract(trackResponse), { data: 'oops' }));
    expect(error.message).toContain('data: invalid_type (expected object, got string)');
  });

  it('lists at most ten problems', () => {
    const schema = z.object(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.string()])));
    const error = thrownBy(() => parseContract(dhlContract(schema), {}));
    expect(error.message).toContain('f9: invalid_type');
    expect(error.message).not.toContain('f10:');
    expect(error.message).toMatch(/; and 2 more\.$/);
  });
});

describe('parseContract: messages never carry values', () => {
  it.each([
    ['a mistyped required field', z.object({ amount: z.number() }), { amount: SECRET }],
    ['a closed enum', z.object({ mode: z.enum(['live', 'test']) }), { mode: SECRET }],
    ['a literal', z.object({ object: z.literal('charge') }), { object: SECRET }],
    ['a refinement', z.object({ email: z.string().email() }), { email: SECRET }],
    ['a strict object', z.object({ a: z.string() }).strict(), { a: 'x', [SECRET]: SECRET }],
    ['a record key', z.object({ byEmail: z.record(z.number()) }), { byEmail: { [SECRET]: SECRET } }],
  ])('%s', (_label, schema, input) => {
    const error = thrownBy(() => parseContract(dhlContract(schema), input));
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('a record key is shown as *', () => {
    const schema = z.object({ byEmail: z.record(z.number()) });
    const error = thrownBy(() => parseContract(dhlContract(schema), { byEmail: { 'ann@example.com': 'x' } }));
    expect(error.message).toContain('byEmail.*: invalid_type (expected number, got string)');
  });

  it('a strict contract with an unknown field names the field, not its value', () => {
    const error = thrownBy(() => parseContract(dhlContract(z.object({ a: z.string() }), 'strict'), { a: 'x', token: SECRET }));
    expect(error.message).toBe('dhl track_shipment@v2: strict contract saw drift: unknown_field token.');
  });
});

describe('parseContract: clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stamps the drift event with the system clock when none is given', () => {
    vi.useFakeTimers({ now: 42 });
    const sink = new MemoryTelemetrySink();
    parseContract(dhlContract(z.object({})), { extra: 1 }, { emit: (event) => sink.emit(event) });
    expect(sink.events[0]?.at).toBe(42);
  });
});
