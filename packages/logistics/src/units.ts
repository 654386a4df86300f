import { convertWeight, type Length, type LengthUnit, type Weight, type WeightUnit } from '@interlock/core';
import { z } from 'zod';

/** The weight units of core's `Weight`, as carriers declare them. */
export const WEIGHT_UNITS = ['mg', 'g', 'kg', 'oz', 'lb'] as const satisfies readonly WeightUnit[];
/** The length units of core's `Length`. */
export const LENGTH_UNITS = ['mm', 'cm', 'm', 'in', 'ft'] as const satisfies readonly LengthUnit[];

const measure = z.number().finite().nonnegative();

/** Core's `Weight`: a non-negative finite value and its unit, never a bare number. */
export const weightSchema: z.ZodType<Weight> = z.object({ value: measure, unit: z.enum(WEIGHT_UNITS) }).readonly();

/** Core's `Length`: a non-negative finite value and its unit. */
export const lengthSchema: z.ZodType<Length> = z.object({ value: measure, unit: z.enum(LENGTH_UNITS) }).readonly();

const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** The digits of a non-negative number's shortest round-trip text, as `digits / 10^scale`. */
function exactDigits(value: number): { digits: bigint; scale: number } {
  const match = NUMBER_TEXT.exec(String(value));
  if (match === null) throw new RangeError(`Not a non-negative finite number: ${value}`);
  const [, whole = '', fraction = '', exponent = '0'] = match;
  const shift = Number(exponent);
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - shift;
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * A weight as the decimal text a carrier's field takes ("2.000" kg, "1.25" lb), in `unit` with
 * exactly `places` decimals. Converted exactly (core's `convertWeight`: 500 g is "0.500" kg, never
 * "500.000"), and rounded up when the carrier's resolution is coarser: a declared weight below the
 * real one is surcharged or refused at the depot, one a gram above is not.
 */
export function carrierWeightText(weight: Weight, unit: WeightUnit, places: number): string {
  if (!Number.isInteger(places) || places < 0) throw new RangeError(`places must be a non-negative integer, got ${places}`);
  const { digits, scale } = exactDigits(convertWeight(weight, unit).value);
  const dropped = scale - places;
  let kept = dropped > 0 ? digits / 10n ** BigInt(dropped) : digits * 10n ** BigInt(-dropped);
  if (dropped > 0 && kept * 10n ** BigInt(dropped) !== digits) kept += 1n;
  const text = kept.toString().padStart(places + 1, '0');
  return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
}
