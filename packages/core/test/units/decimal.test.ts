import { describe, expect, it } from 'vitest';
import {
  decimalFromNumber,
  decimalFromSafeInteger,
  decimalLiteral,
  decimalToNumber,
  decimalToSafeInteger,
  decimalToString,
  divideDecimals,
  multiplyDecimals,
  parseDecimal,
  roundToScale,
  shiftPoint,
  type Decimal,
  type RoundingMode,
} from '../../src/units/decimal.js';

const text = (value: Decimal | undefined): string | undefined => (value === undefined ? undefined : decimalToString(value));

describe('parseDecimal', () => {
  it.each([
    ['10.50', '10.50'],
    ['-3.2', '-3.2'],
    ['+7', '7'],
    ['-0.00', '0.00'],
    ['007.10', '7.10'],
  ])('reads %s', (input, shown) => {
    expect(text(parseDecimal(input))).toBe(shown);
  });

  it.each(['', '1e3', '1.', '.5', ' 1', '1,000.00', 'NaN', 'Infinity', '--1', '0x10'])('refuses %o', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('never produces a negative zero', () => {
    expect(parseDecimal('-0')?.negative).toBe(false);
  });
});

describe('decimalFromNumber', () => {
  it.each([
    [0.1, '0.1'],
    [500, '500'],
    [-2.5, '-2.5'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [-0, '0'],
  ])('reads %s as its shortest text, %s', (input, shown) => {
    expect(text(decimalFromNumber(input))).toBe(shown);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %s', (input) => {
    expect(decimalFromNumber(input)).toBeUndefined();
  });
});

describe('decimalLiteral', () => {
  it('reads a constant', () => {
    expect(text(decimalLiteral('453.59237'))).toBe('453.59237');
  });

  it('rejects malformed constants as a programming error', () => {
    expect(() => decimalLiteral('1e3')).toThrow(RangeError);
  });
});

describe('roundToScale', () => {
  it.each<[string, RoundingMode, string]>([
    ['2.5', 'half_even', '2'],
    ['3.5', 'half_even', '4'],
    ['-2.5', 'half_even', '-2'],
    ['2.51', 'half_even', '3'],
    ['2.5', 'half_up', '3'],
    ['-2.5', 'half_up', '-3'],
    ['2.49', 'half_up', '2'],
    ['2.9', 'down', '2'],
    ['-2.9', 'down', '-2'],
    ['2.9', 'floor', '2'],
    ['-2.1', 'floor', '-3'],
    ['-0.4', 'half_even', '0'],
  ])('%s with %s gives %s', (input, mode, expected) => {
    expect(text(roundToScale(decimalLiteral(input), 0, mode))).toBe(expected);
  });

  it('pads when there are fewer places than asked for', () => {
    expect(text(roundToScale(decimalLiteral('1.5'), 3, 'reject'))).toBe('1.500');
  });

  it('rejects only when a non-zero digit would be lost', () => {
    expect(text(roundToScale(decimalLiteral('1.500'), 1, 'reject'))).toBe('1.5');
    expect(roundToScale(decimalLiteral('1.501'), 1, 'reject')).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it('shifts the decimal point both ways', () => {
    expect(text(shiftPoint(decimalLiteral('1.234'), 3))).toBe('1234');
    expect(text(shiftPoint(decimalLiteral('12'), 3))).toBe('12000');
    expect(text(shiftPoint(decimalLiteral('1234'), -3))).toBe('1.234');
  });

  it('multiplies exactly', () => {
    expect(text(multiplyDecimals(decimalLiteral('-0.1'), decimalLiteral('0.2')))).toBe('-0.02');
  });

  it('divides to a scale with rounding', () => {
    expect(text(divideDecimals(decimalLiteral('1'), decimalLiteral('3'), 4, 'half_even'))).toBe('0.3333');
    expect(text(divideDecimals(decimalLiteral('-2'), decimalLiteral('3'), 2, 'half_up'))).toBe('-0.67');
  });

  it('refuses to divide by zero', () => {
    expect(() => divideDecimals(decimalLiteral('1'), decimalLiteral('0'), 2, 'down')).toThrow(RangeError);
  });
});

describe('conversions out', () => {
  it('converts safe integers both ways', () => {
    expect(decimalToSafeInteger(decimalFromSafeInteger(-Number.MAX_SAFE_INTEGER))).toBe(-Number.MAX_SAFE_INTEGER);
    expect(decimalToSafeInteger(decimalFromSafeInteger(0))).toBe(0);
  });

  it('refuses integers that do not fit, and fractions', () => {
    expect(decimalToSafeInteger(decimalLiteral('9007199254740992'))).toBeUndefined();
    expect(decimalToSafeInteger(decimalLiteral('1.0'))).toBeUndefined();
  });

  it('keeps trailing zeros in text and reads numbers from text', () => {
    expect(decimalToString(decimalLiteral('0.050'))).toBe('0.050');
    expect(decimalToNumber(decimalLiteral('0.500000000'))).toBe(0.5);
  });
});
