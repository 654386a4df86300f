import { describe, expect, it } from 'vitest';
import { addressSchema, ASCII_PRINTABLE, assertCarrierCharset, LATIN_1, UNICODE } from '../src/index.js';
import { berlin, thrown } from './fixtures.js';

const lodz = () => ({ ...berlin(), company: 'Zakład Łódź', city: 'Łódź', country: 'PL', postalCode: '90-001' });
const context = { provider: 'carrier', endpoint: 'create' };

describe('addressSchema', () => {
  it('keeps UTF-8 text exactly as sent, through JSON too', () => {
    const parsed = addressSchema.parse(lodz());
    expect(parsed.city).toBe('Łódź');
    expect(addressSchema.parse(JSON.parse(JSON.stringify(berlin()))).company).toBe('Müller GmbH');
    // Decomposed "ü" (u + U+0308) is not normalised to the composed one: as sent means as sent.
    expect(addressSchema.parse({ ...berlin(), company: 'Mu\u0308ller GmbH' }).company).toBe('Mu\u0308ller GmbH');
    expect(addressSchema.parse({ ...berlin(), city: ' Berlin' }).city).toBe(' Berlin');
  });

  it('refuses a country that is not ISO 3166 alpha-2, a phone that is not E.164 and blank text', () => {
    expect(addressSchema.safeParse({ ...berlin(), country: 'DEU' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), country: 'de' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), country: 'XX' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), phone: '030 123456' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), city: '  ' }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), lines: [] }).success).toBe(false);
    expect(addressSchema.safeParse({ ...berlin(), stateCode: 'CA', country: 'US' }).success).toBe(true);
  });
});

describe('assertCarrierCharset', () => {
  it('lets a carrier that prints Latin-1 take "Müller GmbH" and a Unicode one take "Łódź"', () => {
    expect(() => assertCarrierCharset(berlin(), LATIN_1, context)).not.toThrow();
    expect(() => assertCarrierCharset(lodz(), UNICODE, context)).not.toThrow();
  });

  it('refuses "Łódź" for a Latin-1 carrier with a typed error naming fields and code points, never the text', () => {
    const error = thrown(() => assertCarrierCharset({ to: lodz() }, LATIN_1, context));
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'unsupported_characters', provider: 'carrier', requestMayHaveReachedProvider: false });
    const { message } = error as Error;
    expect(message).toContain('to.city (U+0141, U+017A)');
    expect(message).toContain('to.company (U+0142, U+0141, U+017A)');
    expect(message).not.toContain('Łódź');
  });

  it('refuses "ü" for an ASCII carrier, and control characters for any', () => {
    expect(thrown(() => assertCarrierCharset(berlin(), ASCII_PRINTABLE, context))).toMatchObject({ reason: 'unsupported_characters' });
    expect((thrown(() => assertCarrierCharset({ lines: ['a\u0007'] }, UNICODE, context)) as Error).message).toContain('lines[0] (U+0007)');
  });
});
