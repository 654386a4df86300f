import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  money,
  moneyFromMajor,
  moneyFromProvider,
  moneyToMajorString,
  moneyToProvider,
  type Rounding,
} from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

describe('money', () => {
  it('holds a safe integer of minor units and an upper-case code', () => {
    expect(money(1050, 'inr')).toEqual({ amountMinor: 1050, currency: 'INR' });
  });

  it('is immutable', () => {
    expect(Object.isFrozen(money(1, 'USD'))).toBe(true);
  });

  it('has a single zero', () => {
    expect(Object.is(money(-0, 'USD').amountMinor, 0)).toBe(true);
  });

  it('treats a non-integer minor amount as a programming error', () => {
    expect(() => money(10.5, 'USD')).toThrow(TypeError);
    expect(() => money(Number.NaN, 'USD')).toThrow(TypeError);
    expect(() => money('1050' as unknown as number, 'USD')).toThrow(TypeError);
  });

  it('refuses amounts beyond the safe integer range', () => {
    expect(() => money(2 ** 53, 'USD')).toThrow(RangeError);
  });

  it('refuses unknown currencies', () => {
    expectViolation(() => money(1, 'ABC'), 'unknown_currency');
  });
});

describe('moneyFromMajor', () => {
  it.each([
    ['10.50', 'INR', 1050],
    ['10.5', 'inr', 1050],
    ['0.01', 'INR', 1],
    ['1000', 'JPY', 1000],
    ['1000.00', 'JPY', 1000],
    ['1.234', 'KWD', 1234],
    ['1.2', 'KWD', 1200],
    ['0.0001', 'CLF', 1],
    ['-3.2', 'USD', -320],
    ['+3.20', 'USD', 320],
    ['0', 'USD', 0],
    ['-0.00', 'USD', 0],
  ])('reads %s %s as %i minor units', (value, currency, minor) => {
    expect(moneyFromMajor(value, currency).amountMinor).toBe(minor);
  });

  it('reads numbers through their shortest text', () => {
    expect(moneyFromMajor(10.5, 'INR').amountMinor).toBe(1050);
    expect(moneyFromMajor(0.3, 'USD').amountMinor).toBe(30);
    expect(moneyFromMajor(1.005, 'USD', { rounding: 'half_up' }).amountMinor).toBe(101);
  });

  it('refuses digits finer than paise unless told how to round', () => {
    const error = expectViolation(() => moneyFromMajor('10.505', 'INR'), 'excess_precision');
    expect(error.message).toContain('10.505');
    expectViolation(() => moneyFromMajor('1.5', 'JPY', {}), 'excess_precision');
    expectViolation(() => moneyFromMajor('1.2345', 'KWD'), 'excess_precision');
  });

  it('does not silently round a float-looking amount', () => {
    expectViolation(() => moneyFromMajor(0.1 + 0.2, 'USD'), 'excess_precision');
    expectViolation(() => moneyFromMajor(0.30000000000000004, 'USD'), 'excess_precision');
  });

  it.each<[string, Rounding, number]>([
    ['10.505', 'half_even', 1050],
    ['10.515', 'half_even', 1052],
    ['10.5051', 'half_even', 1051],
    ['-10.505', 'half_even', -1050],
    ['10.505', 'half_up', 1051],
    ['10.504', 'half_up', 1050],
    ['-10.505', 'half_up', -1051],
    ['10.509', 'down', 1050],
    ['-10.509', 'down', -1050],
    ['10.50', 'reject', 1050],
  ])('rounds %s INR with %s to %i', (value, rounding, minor) => {
    expect(moneyFromMajor(value, 'INR', { rounding }).amountMinor).toBe(minor);
  });

  it('rounds yen to whole yen', () => {
    expect(moneyFromMajor('2.5', 'JPY', { rounding: 'half_even' }).amountMinor).toBe(2);
    expect(moneyFromMajor('3.5', 'JPY', { rounding: 'half_even' }).amountMinor).toBe(4);
  });

  it.each(['1e3', '10,50', '1,000.00', ' 10.50', '10.50 ', '', '.5', 'abc', '0x10', '1e-7'])(
    'refuses %o as not a plain decimal',
    (value) => {
      expectViolation(() => moneyFromMajor(value, 'USD'), 'invalid_money');
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, 1e-7])('refuses the number %s', (value) => {
    expectViolation(() => moneyFromMajor(value, 'USD'), 'invalid_money');
  });

  it('refuses values that are neither text nor numbers', () => {
    expectViolation(() => moneyFromMajor(null as unknown as string, 'USD'), 'invalid_money');
  });

  it('refuses amounts beyond the safe integer range', () => {
    expectViolation(() => moneyFromMajor('90071992547409.92', 'USD'), 'out_of_range');
    expectViolation(() => moneyFromMajor('99999999999999999999', 'JPY'), 'out_of_range');
    expectViolation(() => moneyFromMajor(1e20, 'USD'), 'out_of_range');
    expect(moneyFromMajor('90071992547409.91', 'USD').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('names the provider and field in the error', () => {
    const error = expectViolation(
      () => moneyFromMajor('abc', 'USD', undefined, { provider: 'paypal', field: 'amount.value' }),
      'invalid_money',
    );
    expect(error.context).toMatchObject({ provider: 'paypal', endpoint: 'amount.value' });
  });

  it('reports an unknown currency before looking at the amount', () => {
    expectViolation(() => moneyFromMajor('abc', 'ABC'), 'unknown_currency');
  });
});

describe('moneyToMajorString', () => {
  it.each([
    [1050, 'INR', '10.50'],
    [5, 'INR', '0.05'],
    [-5, 'INR', '-0.05'],
    [1000, 'JPY', '1000'],
    [-1000, 'JPY', '-1000'],
    [1234, 'KWD', '1.234'],
    [1, 'CLF', '0.0001'],
    [0, 'USD', '0.00'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('writes %i %s as %s', (minor, currency, text) => {
    expect(moneyToMajorString(money(minor, currency))).toBe(text);
  });
});

describe('round trips (property)', () => {
  const anyMoney = fc
    .record({ currency: fc.constantFrom('JPY', 'XOF', 'INR', 'USD', 'KWD', 'BHD', 'CLF', 'UYW'), amountMinor: fc.maxSafeInteger() })
    .map(({ currency, amountMinor }) => money(amountMinor, currency));

  it('moneyFromMajor reads back what moneyToMajorString writes, for every exponent', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(moneyFromMajor(moneyToMajorString(m), m.currency)).toEqual(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('moneyFromProvider reads back what moneyToProvider writes as major-unit text', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(moneyFromProvider(moneyToProvider(m, 'major', 'string'), m.currency, 'major')).toEqual(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('moneyFromProvider reads back minor units written as a number or text', () => {
    fc.assert(
      fc.property(anyMoney, fc.constantFrom('number' as const, 'string' as const), (m, as) => {
        expect(moneyFromProvider(moneyToProvider(m, 'minor', as), m.currency, 'minor')).toEqual(m);
      }),
    );
  });

  it('a major-unit number either reads back exactly or is refused', () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        let sent: number | string;
        try {
          sent = moneyToProvider(m, 'major', 'number');
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(moneyFromProvider(sent, m.currency, 'major')).toEqual(m);
      }),
      { numRuns: 2000 },
    );
  });
});
