import { describe, expect, expectTypeOf, it } from 'vitest';
import { convertLength, length, parseLength, type Length, type LengthUnit } from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

describe('length', () => {
  it('keeps the unit it was given', () => {
    const l = length(25, 'cm');
    expect(l).toEqual({ value: 25, unit: 'cm' });
    expectTypeOf(l).toEqualTypeOf<Length<'cm'>>();
    expectTypeOf(l).not.toExtend<Length<'m'>>();
  });

  it('treats bad caller input as a programming error', () => {
    expect(() => length(-1, 'cm')).toThrow(RangeError);
    expect(() => length(1, 'yd' as LengthUnit)).toThrow(TypeError);
  });
});

describe('parseLength', () => {
  it.each([
    [25, 'cm', 25, 'cm'],
    ['25.0', 'CM', 25, 'cm'],
    ['1.5', 'M', 1.5, 'm'],
    ['1.5', 'metres', 1.5, 'm'],
    ['1.5', 'Meters', 1.5, 'm'],
    ['300', 'MM', 300, 'mm'],
    ['300', 'millimetres', 300, 'mm'],
    ['12', 'IN', 12, 'in'],
    ['12', 'inches', 12, 'in'],
    ['3', 'FT', 3, 'ft'],
    ['3', 'feet', 3, 'ft'],
    ['1', 'foot', 1, 'ft'],
  ])('reads %o with unit %o as %s %s', (value, unit, expected, expectedUnit) => {
    expect(parseLength(value, unit)).toEqual({ value: expected, unit: expectedUnit });
  });

  it.each([undefined, null, '', 'yd', 'inchs'])('refuses the unit %o rather than assume one', (unit) => {
    expectViolation(() => parseLength(25, unit), 'unknown_unit');
  });

  it.each([-25, '-1', 'abc', Number.NaN])('refuses the value %o', (value) => {
    expectViolation(() => parseLength(value, 'cm'), 'invalid_length');
  });
});

describe('convertLength', () => {
  it('converts metric exactly', () => {
    expect(convertLength(length(25, 'cm'), 'm')).toEqual({ value: 0.25, unit: 'm' });
    expect(convertLength(length(0.1, 'm'), 'mm')).toEqual({ value: 100, unit: 'mm' });
    expect(convertLength(length(123.4, 'mm'), 'cm')).toEqual({ value: 12.34, unit: 'cm' });
  });

  it('converts inches and feet with the exact factors', () => {
    expect(convertLength(length(1, 'in'), 'mm').value).toBe(25.4);
    expect(convertLength(length(1, 'ft'), 'cm').value).toBe(30.48);
    expect(convertLength(length(1, 'ft'), 'in').value).toBe(12);
    expect(convertLength(length(1, 'in'), 'ft').value).toBe(0.083333333);
    expect(convertLength(length(100, 'cm'), 'in').value).toBe(39.37007874);
    expect(convertLength(length(254, 'mm'), 'in').value).toBe(10);
  });
});
