import { convertLength, convertWeight, length, parseWeight, weight } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { carrierWeightText, lengthSchema, weightSchema } from '../src/index.js';

describe('weights and lengths with their units', () => {
  it('reads a carrier\'s "2.000" kg exactly and never takes 500 g for 500 kg', () => {
    expect(parseWeight('2.000', 'kg')).toEqual({ value: 2, unit: 'kg' });
    expect(convertWeight(weight(500, 'g'), 'kg')).toEqual({ value: 0.5, unit: 'kg' });
    expect(convertWeight(weight(0.1, 'kg'), 'g')).toEqual({ value: 100, unit: 'g' });
    expect(convertWeight(weight(1, 'lb'), 'g')).toEqual({ value: 453.59237, unit: 'g' });
    expect(convertWeight(weight(16, 'oz'), 'lb')).toEqual({ value: 1, unit: 'lb' });
    expect(convertLength(length(10, 'in'), 'cm')).toEqual({ value: 25.4, unit: 'cm' });
    expect(convertLength(length(25, 'mm'), 'cm')).toEqual({ value: 2.5, unit: 'cm' });
  });

  it('writes a weight as the carrier field takes it, converted exactly and rounded up to its resolution', () => {
    expect(carrierWeightText(weight(500, 'g'), 'kg', 3)).toBe('0.500');
    expect(carrierWeightText(weight(2, 'kg'), 'kg', 3)).toBe('2.000');
    expect(carrierWeightText(weight(0.1 + 0.2, 'kg'), 'kg', 1)).toBe('0.4');
    expect(carrierWeightText(weight(1234.5, 'g'), 'kg', 2)).toBe('1.24');
    expect(carrierWeightText(weight(1, 'lb'), 'kg', 3)).toBe('0.454');
    expect(carrierWeightText(weight(1, 'kg'), 'lb', 2)).toBe('2.21');
    expect(carrierWeightText(weight(3, 'kg'), 'g', 0)).toBe('3000');
    expect(carrierWeightText(weight(1e-7, 'kg'), 'kg', 3)).toBe('0.001');
    expect(() => carrierWeightText(weight(1, 'kg'), 'kg', -1)).toThrow(RangeError);
  });

  it('refuses a bare number, an unknown unit and a negative value', () => {
    expect(weightSchema.safeParse(2).success).toBe(false);
    expect(weightSchema.safeParse({ value: 2, unit: 'kilo' }).success).toBe(false);
    expect(weightSchema.safeParse({ value: -1, unit: 'kg' }).success).toBe(false);
    expect(lengthSchema.safeParse({ value: 30, unit: 'cm' }).success).toBe(true);
  });
});
