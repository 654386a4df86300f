import { describe, expect, expectTypeOf, it } from 'vitest';
import { convertWeight, parseWeight, weight, type Weight, type WeightUnit } from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

describe('weight', () => {
  it('keeps the unit it was given: 500 g stays 500 g', () => {
    const w = weight(500, 'g');
    expect(w).toEqual({ value: 500, unit: 'g' });
    expectTypeOf(w).toEqualTypeOf<Weight<'g'>>();
    expectTypeOf(w).not.toExtend<Weight<'kg'>>();
  });

  it('is immutable and has a single zero', () => {
    expect(Object.isFrozen(weight(1, 'kg'))).toBe(true);
    expect(Object.is(weight(-0, 'kg').value, 0)).toBe(true);
  });

  it('treats bad caller input as a programming error', () => {
    expect(() => weight(-1, 'g')).toThrow(RangeError);
    expect(() => weight(Number.NaN, 'g')).toThrow(RangeError);
    expect(() => weight(Number.POSITIVE_INFINITY, 'g')).toThrow(RangeError);
    expect(() => weight('5' as unknown as number, 'g')).toThrow(TypeError);
    expect(() => weight(5, 'stone' as WeightUnit)).toThrow(TypeError);
  });
});

describe('parseWeight', () => {
  it.each([
    [500, 'g', 500, 'g'],
    ['500.0', 'g', 500, 'g'],
    ['0.5', 'KG', 0.5, 'kg'],
    [0.5, 'Kg', 0.5, 'kg'],
    ['2', 'kgs', 2, 'kg'],
    ['2', 'Kilograms', 2, 'kg'],
    ['2', 'kilo', 2, 'kg'],
    ['2', 'G', 2, 'g'],
    ['2', 'grams', 2, 'g'],
    ['2', 'gm', 2, 'g'],
    ['2', 'LB', 2, 'lb'],
    ['2', 'lbs', 2, 'lb'],
    ['2', 'Pounds', 2, 'lb'],
    ['2', 'OZ', 2, 'oz'],
    ['2', 'ounce', 2, 'oz'],
    ['2', 'MG', 2, 'mg'],
    ['2', ' kg ', 2, 'kg'],
    ['0', 'g', 0, 'g'],
  ])('reads %o with unit %o as %s %s', (value, unit, expected, expectedUnit) => {
    expect(parseWeight(value, unit)).toEqual({ value: expected, unit: expectedUnit });
  });

  it.each([undefined, null, '', 'stone', 'gr', 'kilogramz', 5])('refuses the unit %o rather than assume one', (unit) => {
    expectViolation(() => parseWeight(500, unit), 'unknown_unit');
  });

  it.each([-1, '-0.5', Number.NaN, Number.POSITIVE_INFINITY, 'abc', '1e3', '', null, undefined, `1${'0'.repeat(400)}`])(
    'refuses the value %o',
    (value) => {
      expectViolation(() => parseWeight(value, 'kg'), 'invalid_weight');
    },
  );

  it('names the provider and field', () => {
    const error = expectViolation(() => parseWeight(500, undefined, { provider: 'delhivery', field: 'weight_unit' }), 'unknown_unit');
    expect(error.context).toMatchObject({ provider: 'delhivery', endpoint: 'weight_unit' });
  });
});

describe('convertWeight', () => {
  it('converts metric exactly by moving the decimal point', () => {
    expect(convertWeight(weight(500, 'g'), 'kg')).toEqual({ value: 0.5, unit: 'kg' });
    expect(convertWeight(weight(1234, 'g'), 'kg')).toEqual({ value: 1.234, unit: 'kg' });
    expect(convertWeight(weight(0.1, 'kg'), 'g')).toEqual({ value: 100, unit: 'g' });
    expect(convertWeight(weight(0.3, 'kg'), 'mg')).toEqual({ value: 300000, unit: 'mg' });
    expect(convertWeight(weight(1, 'mg'), 'kg')).toEqual({ value: 0.000001, unit: 'kg' });
    expect(convertWeight(weight(1e-7, 'kg'), 'mg')).toEqual({ value: 0.1, unit: 'mg' });
  });

  it('reads "0.5" KG as 0.5 kg and converts it to 500 g', () => {
    const parsed = parseWeight('0.5', 'KG');
    expect(parsed).toEqual({ value: 0.5, unit: 'kg' });
    expect(convertWeight(parsed, 'g')).toEqual({ value: 500, unit: 'g' });
  });

  it('converts pounds and kilograms with the exact factor', () => {
    expect(convertWeight(weight(1, 'lb'), 'kg').value).toBe(0.45359237);
    expect(convertWeight(weight(10, 'lb'), 'g').value).toBe(4535.9237);
    expect(convertWeight(weight(1, 'kg'), 'lb').value).toBe(2.204622622);
    expect(convertWeight(weight(0.45359237, 'kg'), 'lb').value).toBe(1);
  });

  it('converts ounces', () => {
    expect(convertWeight(weight(1, 'oz'), 'g').value).toBe(28.349523125);
    expect(convertWeight(weight(16, 'oz'), 'lb').value).toBe(1);
    expect(convertWeight(weight(1, 'lb'), 'oz').value).toBe(16);
    expect(convertWeight(weight(100, 'g'), 'oz').value).toBe(3.527396195);
  });

  it('leaves a weight in its own unit untouched', () => {
    expect(convertWeight(weight(0.1234567891234, 'oz'), 'oz').value).toBe(0.1234567891234);
  });

  it('treats a weight built around the constructor as a programming error', () => {
    expect(() => convertWeight({ value: Number.NaN, unit: 'g' }, 'kg')).toThrow(RangeError);
    expect(() => convertWeight({ value: 1, unit: 'stone' as WeightUnit }, 'kg')).toThrow(TypeError);
    expect(() => convertWeight(weight(1, 'g'), 'stone' as WeightUnit)).toThrow(TypeError);
  });
});
