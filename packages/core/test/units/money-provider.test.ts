import { describe, expect, it } from 'vitest';
import { money, moneyFromProvider, moneyToProvider } from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

describe('moneyFromProvider', () => {
  it('reads minor units as an integer or integer text', () => {
    expect(moneyFromProvider(1050, 'inr', 'minor')).toEqual(money(1050, 'INR'));
    expect(moneyFromProvider('1050', 'INR', 'minor')).toEqual(money(1050, 'INR'));
    expect(moneyFromProvider('-250', 'JPY', 'minor')).toEqual(money(-250, 'JPY'));
  });

  it('reads major units as decimal text or a number', () => {
    expect(moneyFromProvider('10.50', 'INR', 'major')).toEqual(money(1050, 'INR'));
    expect(moneyFromProvider(10.5, 'INR', 'major')).toEqual(money(1050, 'INR'));
    expect(moneyFromProvider('1.234', 'KWD', 'major')).toEqual(money(1234, 'KWD'));
  });

  it.each([10.5, '10.5', '1e3', '', ' 12', null, undefined, true, { value: 1 }])('refuses %o as minor units', (value) => {
    expectViolation(() => moneyFromProvider(value, 'USD', 'minor'), 'invalid_money');
  });

  it.each([null, undefined, true, { value: '10.50' }, ['10.50']])('refuses %o as major units', (value) => {
    expectViolation(() => moneyFromProvider(value, 'USD', 'major'), 'invalid_money');
  });

  it('refuses minor amounts beyond the safe integer range', () => {
    expectViolation(() => moneyFromProvider('9007199254740993', 'USD', 'minor'), 'out_of_range');
    expectViolation(() => moneyFromProvider(2 ** 60, 'USD', 'minor'), 'out_of_range');
  });

  it('refuses excess precision in major units', () => {
    expectViolation(() => moneyFromProvider('10.505', 'INR', 'major'), 'excess_precision');
    expectViolation(() => moneyFromProvider(0.1 + 0.2, 'USD', 'major'), 'excess_precision');
  });

  it('refuses unknown currencies with the provider context', () => {
    const error = expectViolation(() => moneyFromProvider(1, 'zzz', 'minor', { provider: 'stripe' }), 'unknown_currency');
    expect(error.context).toMatchObject({ provider: 'stripe', endpoint: 'coercion' });
  });
});

describe('moneyToProvider', () => {
  const inr = money(1050, 'INR');

  it('writes minor units as a number by default, or as text', () => {
    expect(moneyToProvider(inr, 'minor')).toBe(1050);
    expect(moneyToProvider(inr, 'minor', 'string')).toBe('1050');
  });

  it('writes major units as text by default, or as a number', () => {
    expect(moneyToProvider(inr, 'major')).toBe('10.50');
    expect(moneyToProvider(inr, 'major', 'number')).toBe(10.5);
    expect(moneyToProvider(money(1000, 'JPY'), 'major', 'number')).toBe(1000);
    expect(moneyToProvider(money(-1234, 'KWD'), 'major', 'number')).toBe(-1.234);
    expect(moneyToProvider(money(0, 'USD'), 'major', 'number')).toBe(0);
    expect(moneyToProvider(money(1200, 'USD'), 'major', 'number')).toBe(12);
  });

  it('refuses a major-unit number a double cannot hold exactly', () => {
    expect(() => moneyToProvider(money(Number.MAX_SAFE_INTEGER - 2, 'KWD'), 'major', 'number')).toThrow(RangeError);
  });
});
