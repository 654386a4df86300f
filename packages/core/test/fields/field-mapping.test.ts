import { describe, expect, it } from 'vitest';
import { defineFieldMapping } from '../../src/fields/field-mapping.js';
import { writePath } from '../../src/fields/dotted-path.js';

const dhlFields = defineFieldMapping({
  provider: 'dhl',
  inbound: {
    trackingNumber: 'id',
    city: 'destination.address.addressLocality',
    status: 'status.statusCode',
  },
  outbound: {
    recipientName: 'receiver.name',
    city: 'receiver.address.city',
    postcode: 'receiver.address.postalCode',
    weightGrams: 'pieces.weight',
  },
});

describe('defineFieldMapping: read', () => {
  const shipment = { id: 'JD01', destination: { address: { addressLocality: 'Köln' } }, status: null };

  it('follows the dotted provider path', () => {
    expect(dhlFields.read(shipment, 'trackingNumber')).toBe('JD01');
    expect(dhlFields.read(shipment, 'city')).toBe('Köln');
  });

  it('is undefined when any step is absent or not an object', () => {
    expect(dhlFields.read(shipment, 'status')).toBeUndefined();
    expect(dhlFields.read({}, 'city')).toBeUndefined();
    expect(dhlFields.read({ destination: 'Köln' }, 'city')).toBeUndefined();
    expect(dhlFields.read(undefined, 'trackingNumber')).toBeUndefined();
  });

  it('reads only own properties, never the prototype chain', () => {
    const fields = defineFieldMapping({ provider: 'x', inbound: { text: 'toString' }, outbound: {} });
    expect(fields.read({}, 'text')).toBeUndefined();
  });

  it('refuses, at run time, a field an untyped caller made up', () => {
    const untyped = dhlFields as unknown as { read(source: unknown, field: string): unknown };
    expect(() => untyped.read(shipment, 'ctiy')).toThrow(new TypeError("dhl has no inbound field 'ctiy'"));
  });
});

describe('defineFieldMapping: write', () => {
  it('creates nested objects on the dotted path and shares existing ones', () => {
    const body: Record<string, unknown> = {};
    dhlFields.write(body, 'recipientName', 'Müller GmbH');
    dhlFields.write(body, 'city', 'Köln');
    dhlFields.write(body, 'postcode', '50667');
    expect(body).toEqual({ receiver: { name: 'Müller GmbH', address: { city: 'Köln', postalCode: '50667' } } });
  });

  it('skips undefined, but writes null and other falsy values', () => {
    const body: Record<string, unknown> = {};
    dhlFields.write(body, 'city', undefined);
    expect(body).toEqual({});
    dhlFields.write(body, 'weightGrams', 0);
    dhlFields.write(body, 'recipientName', null);
    expect(body).toEqual({ pieces: { weight: 0 }, receiver: { name: null } });
  });

  it('refuses to overwrite something that is not an object on the way', () => {
    const body: Record<string, unknown> = { receiver: 'someone' };
    expect(() => dhlFields.write(body, 'city', 'Köln')).toThrow(
      new TypeError("cannot write 'receiver.address.city': 'receiver' is not an object"),
    );
    expect(() => dhlFields.write({ pieces: [] }, 'weightGrams', 1)).toThrow(TypeError);
  });

  it('refuses, at run time, a field an untyped caller made up', () => {
    const untyped = dhlFields as unknown as { write(target: Record<string, unknown>, field: string, value: unknown): void };
    expect(() => untyped.write({}, 'nope', 1)).toThrow("dhl has no outbound field 'nope'");
  });
});

describe('defineFieldMapping: definition', () => {
  it('keeps the provider and a frozen copy of both directions', () => {
    expect(dhlFields.provider).toBe('dhl');
    expect(dhlFields.inbound.city).toBe('destination.address.addressLocality');
    expect(Object.isFrozen(dhlFields.inbound)).toBe(true);
    expect(Object.isFrozen(dhlFields.outbound)).toBe(true);
  });

  it.each([
    ['an empty segment', 'address..city', "dhl inbound field 'city': field path 'address..city' has an empty segment"],
    ['an empty path', '', "dhl inbound field 'city': field path '' has an empty segment"],
    ['__proto__', '__proto__.polluted', "dhl inbound field 'city': field path '__proto__.polluted' uses the reserved segment '__proto__'"],
    ['constructor', 'a.constructor', "dhl inbound field 'city': field path 'a.constructor' uses the reserved segment 'constructor'"],
  ])('refuses a path with %s', (_label, path, message) => {
    expect(() => defineFieldMapping({ provider: 'dhl', inbound: { city: path }, outbound: {} })).toThrow(new TypeError(message));
  });

  it('refuses outbound fields that would overwrite each other', () => {
    expect(() => defineFieldMapping({ provider: 'dhl', inbound: {}, outbound: { a: 'x.y', b: 'x.y' } })).toThrow(
      "dhl outbound fields 'a' and 'b' overlap ('x.y', 'x.y')",
    );
    expect(() => defineFieldMapping({ provider: 'dhl', inbound: {}, outbound: { a: 'x', b: 'x.y' } })).toThrow(TypeError);
    expect(() => defineFieldMapping({ provider: 'dhl', inbound: {}, outbound: { a: 'x.y.z', b: 'x.y' } })).toThrow(TypeError);
  });

  it('allows two inbound fields to read the same provider field, and outbound siblings', () => {
    expect(() =>
      defineFieldMapping({ provider: 'dhl', inbound: { a: 'x.y', b: 'x.y' }, outbound: { a: 'x.y', b: 'x.yz' } }),
    ).not.toThrow();
  });
});

describe('defineFieldMapping: types', () => {
  it('makes a misspelt canonical field a compile error', () => {
    // @ts-expect-error 'ctiy' is not an inbound field
    expect(() => dhlFields.read({}, 'ctiy')).toThrow(TypeError);
    // @ts-expect-error 'trackingNumber' is inbound only
    expect(() => dhlFields.write({}, 'trackingNumber', 'x')).toThrow(TypeError);
  });

  it('keeps provider paths as literal types', () => {
    const path: 'receiver.address.city' = dhlFields.outbound.city;
    expect(path).toBe('receiver.address.city');
  });
});

describe('writePath', () => {
  it('refuses an empty path, which defineFieldMapping never produces', () => {
    expect(() => writePath({}, [], 1)).toThrow(TypeError);
  });
});
