import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DriftEntry } from '../../src/contracts/drift.js';
import { parseContract } from '../../src/contracts/parse-contract.js';
import { openEnum } from '../../src/enums/open-enum.js';
import { dhlContract, recordingContext, thrownBy } from './support.js';

const eventCode = openEnum('dhl.event_code', ['PU', 'DL']);

function driftOf(schema: z.ZodTypeAny, input: unknown): string[] {
  const { drift } = parseContract(dhlContract(schema), input);
  return drift.entries.map((entry: DriftEntry) => `${entry.kind} ${entry.path}${entry.detail === undefined ? '' : ` (${entry.detail})`}`);
}

describe('drift paths', () => {
  it('names nested fields with dots and array elements with []', () => {
    const schema = z.object({
      shipments: z.array(z.object({ events: z.array(z.object({ code: eventCode.schema, location: z.object({ city: z.string() }) })) })),
    });
    const input = { shipments: [{ events: [{ code: 'XX', location: { city: 'Köln', postcode: '50667' } }] }] };
    expect(driftOf(schema, input)).toEqual(['unknown_enum shipments[].events[].code (XX)', 'unknown_field shipments[].events[].location.postcode']);
  });

  it('names a top-level array [] and a top-level open enum (root)', () => {
    expect(driftOf(z.array(z.object({ a: z.number() })), [{ a: 1, b: 2 }])).toEqual(['unknown_field [].b']);
    expect(driftOf(eventCode.schema, 'XX')).toEqual(['unknown_enum (root) (XX)']);
  });

  it('names record entries * and walks their values', () => {
    const schema = z.object({ rates: z.record(z.object({ amount: z.number() })) });
    expect(driftOf(schema, { rates: { 'ann@example.com': { amount: 1, currency: 'EUR' } } })).toEqual(['unknown_field rates.*.currency']);
  });

  it('hides unexpected keys that do not look like field names', () => {
    const schema = z.object({ a: z.number() });
    expect(driftOf(schema, { a: 1, 'ann@example.com': 1, S12345: 1, '919876543210': 1, address_line2: 1 })).toEqual([
      'unknown_field *',
      'unknown_field address_line2',
    ]);
  });
});

describe('objects', () => {
  it('does not report extra keys of a passthrough object, and keeps them', () => {
    const schema = z.object({ a: z.number() }).passthrough();
    const { value, drift } = parseContract(dhlContract(schema), { a: 1, b: 2 });
    expect(drift.entries).toEqual([]);
    expect(value).toEqual({ a: 1, b: 2 });
  });

  it('walks catchall values as record entries', () => {
    const schema = z.object({ a: z.number() }).catchall(z.object({ n: z.number() }));
    expect(driftOf(schema, { a: 1, extra: { n: 1, m: 2 } })).toEqual(['unknown_field *.m']);
  });

  it('copies a __proto__ key as data, without touching the prototype', () => {
    const input: unknown = JSON.parse('{"a": 1, "__proto__": {"polluted": true}}');
    const { value, drift } = parseContract(dhlContract(z.object({ a: z.number() }).passthrough()), input);
    expect(drift.entries).toEqual([]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('treats an optional object with a broken inside as a type change of the whole field', () => {
    const schema = z.object({ id: z.string(), address: z.object({ city: z.string(), zip: z.string() }).optional() });
    const { value, drift } = parseContract(dhlContract(schema), { id: '1', address: { city: 5 } });
    expect(value).toEqual({ id: '1' });
    expect(drift.entries).toEqual([
      {
        kind: 'type_changed',
        path: 'address',
        detail: 'city: invalid_type (expected string, got number); zip: invalid_type (expected string, got undefined)',
      },
    ]);
  });

  it('treats a nullable optional field the same way, and accepts null', () => {
    const schema = z.object({ eta: z.string().nullable().optional() });
    expect(driftOf(schema, { eta: null })).toEqual([]);
    expect(driftOf(schema, { eta: 3 })).toEqual(['type_changed eta (expected string, got number)']);
  });

  it('lets a defaulted field fall back to its default when it is absent or its type changed', () => {
    const schema = z.object({ pieces: z.number().default(1) });
    expect(parseContract(dhlContract(schema), {}).drift.entries).toEqual([{ kind: 'missing_optional', path: 'pieces' }]);
    const changed = parseContract(dhlContract(schema), { pieces: '2' });
    expect(changed.value).toEqual({ pieces: 1 });
    expect(changed.drift.entries).toEqual([{ kind: 'type_changed', path: 'pieces', detail: 'expected number, got string' }]);
  });

  it('a list or a map that arrives as something else is a violation', () => {
    const schema = z.object({ items: z.array(z.string()), rates: z.record(z.number()) });
    const error = thrownBy(() => parseContract(dhlContract(schema), { items: { 0: 'a' }, rates: 'none' }));
    expect(error.message).toContain('items: invalid_type (expected array, got object); rates: invalid_type (expected object, got string)');
  });

  it('a required nullable field that is absent is a violation', () => {
    const error = thrownBy(() => parseContract(dhlContract(z.object({ eta: z.string().nullable() })), {}));
    expect(error.message).toContain('eta: invalid_type (expected string, got undefined)');
  });
});

describe('unions', () => {
  const card = z.object({ type: z.literal('card'), last4: z.string(), brand: z.string().optional() });
  const bank = z.object({ type: z.literal('bank'), iban: z.string() });

  it('walks the option that parses', () => {
    const schema = z.object({ method: z.union([card, bank]) });
    expect(driftOf(schema, { method: { type: 'bank', iban: 'DE89', bic: 'COBADEFF' } })).toEqual(['unknown_field method.bic']);
  });

  it('picks the option that parses once an optional type change is dropped', () => {
    const schema = z.object({ method: z.union([bank, card]) });
    const { value, drift } = parseContract(dhlContract(schema), { method: { type: 'card', last4: '4242', brand: 7 } });
    expect(value).toEqual({ method: { type: 'card', last4: '4242' } });
    expect(drift.entries).toEqual([{ kind: 'type_changed', path: 'method.brand', detail: 'expected string, got number' }]);
  });

  it('reports nothing from options that do not fit', () => {
    const first = z.object({ kind: z.literal('a'), code: eventCode.schema });
    const second = z.object({ kind: z.literal('b'), code: z.string() });
    const ctx = recordingContext();
    const { drift } = parseContract(dhlContract(z.union([first, second])), { kind: 'b', code: 'XX' }, ctx);
    expect(drift.entries).toEqual([]);
    expect(ctx.tracker.counts().size).toBe(0);
  });

  it('a value no option accepts is a violation', () => {
    const error = thrownBy(() => parseContract(dhlContract(z.object({ method: z.union([card, bank]) })), { method: { type: 'cash' } }));
    expect(error.reason).toBe('schema_mismatch');
    expect(error.message).toContain('method: invalid_union');
  });

  it('walks the option a discriminated union selects', () => {
    const schema = z.object({ method: z.discriminatedUnion('type', [card, bank]) });
    const { value, drift } = parseContract(dhlContract(schema), { method: { type: 'card', last4: '4242', brand: 7, wallet: 'x' } });
    expect(value).toEqual({ method: { type: 'card', last4: '4242' } });
    expect(drift.entries.map((entry) => `${entry.kind} ${entry.path}`)).toEqual(['type_changed method.brand', 'unknown_field method.wallet']);
  });

  it('a new discriminator value is a violation, even on an optional field', () => {
    const schema = z.object({ method: z.discriminatedUnion('type', [card, bank]).optional() });
    const error = thrownBy(() => parseContract(dhlContract(schema), { method: { type: 'crypto' } }));
    expect(error.message).toContain('method.type: unknown_enum (invalid_union_discriminator)');
    // A string where the object was is a type change, not a new variant.
    expect(driftOf(schema, { method: 'card' })).toEqual(['type_changed method (expected object, got string)']);
  });

  it('an optional union of literals with a new value is a violation, not a type change', () => {
    const schema = z.object({ mode: z.union([z.literal('live'), z.literal('test')]).optional() });
    expect(thrownBy(() => parseContract(dhlContract(schema), { mode: 'sandbox' })).message).toContain('mode: invalid_union');
  });

  it('an optional union of types with a value of another type is a type change', () => {
    const schema = z.object({ ref: z.union([z.string(), z.number()]).optional() });
    expect(driftOf(schema, { ref: true })).toEqual(['type_changed ref (invalid_union)']);
  });

  it('names a field inside a union option in a violation', () => {
    const schema = z.object({ method: z.discriminatedUnion('type', [card, bank]) });
    const error = thrownBy(() => parseContract(dhlContract(schema), { method: { type: 'bank', iban: 5 } }));
    expect(error.message).toContain('method.iban: invalid_type (expected string, got number)');
  });
});

describe('wrappers', () => {
  it('walks through refinements and transforms', () => {
    const schema = z.object({
      refined: z.object({ a: z.number() }).refine((value) => value.a > 0),
      mapped: z.object({ a: z.number() }).transform((value) => value.a),
    });
    const { value, drift } = parseContract(dhlContract(schema), { refined: { a: 1, x: 1 }, mapped: { a: 2, y: 1 } });
    expect(value).toEqual({ refined: { a: 1 }, mapped: 2 });
    expect(drift.entries.map((entry) => entry.path)).toEqual(['refined.x', 'mapped.y']);
  });

  it('walks through lazy (recursive) schemas', () => {
    interface Node {
      name: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), children: z.array(node) }));
    expect(driftOf(node, { name: 'a', children: [{ name: 'b', children: [], colour: 'red' }] })).toEqual([
      'unknown_field children[].colour',
    ]);
  });

  it('walks through catch, brand, readonly and pipelines', () => {
    const schema = z.object({
      caught: z.object({ a: z.number() }).catch({ a: 0 }),
      branded: z.object({ a: z.number() }).brand<'Thing'>(),
      frozen: z.object({ a: z.number() }).readonly(),
      piped: z.object({ a: z.string() }).pipe(z.object({ a: z.string().min(1) })),
    });
    const input = { caught: { a: 1, w: 1 }, branded: { a: 1, x: 1 }, frozen: { a: 1, y: 1 }, piped: { a: 'p', z: 1 } };
    expect(driftOf(schema, input)).toEqual(['unknown_field caught.w', 'unknown_field branded.x', 'unknown_field frozen.y', 'unknown_field piped.z']);
  });

  it('does not walk into a preprocess, whose inner schema sees a different value', () => {
    const schema = z.object({ a: z.preprocess((value) => ({ wrapped: value }), z.object({ wrapped: z.unknown() })) });
    expect(driftOf(schema, { a: { anything: 1 } })).toEqual([]);
  });

  it('leaves tuples and other shapes to zod', () => {
    const schema = z.object({ point: z.tuple([z.number(), z.number()]) });
    expect(driftOf(schema, { point: [1, 2] })).toEqual([]);
    expect(thrownBy(() => parseContract(dhlContract(schema), { point: [1, 'x'] })).message).toContain('point[]: invalid_type');
  });

  it('reports a mistyped open enum on an optional field as a type change', () => {
    expect(driftOf(z.object({ code: eventCode.schema.optional() }), { code: 7 })).toEqual(['type_changed code (expected string, got number)']);
  });
});
