import type { CoercionContext } from './coercion-error.js';
import { decimalLiteral } from './decimal.js';
import { defineMeasure } from './quantity.js';

/** The length units providers use. */
export type LengthUnit = 'mm' | 'cm' | 'm' | 'in' | 'ft';

/** A length; the unit is part of the type, so a `Length<'cm'>` is never mistaken for metres. */
export interface Length<U extends LengthUnit = LengthUnit> {
  readonly value: number;
  readonly unit: U;
}

const LENGTH = defineMeasure<LengthUnit>('length', [
  { unit: 'mm', scale: { metricPower: 0 }, aliases: ['millimeter', 'millimeters', 'millimetre', 'millimetres'] },
  { unit: 'cm', scale: { metricPower: 1 }, aliases: ['centimeter', 'centimeters', 'centimetre', 'centimetres'] },
  { unit: 'm', scale: { metricPower: 3 }, aliases: ['meter', 'meters', 'metre', 'metres'] },
  // The international inch and foot, defined exactly in millimetres since 1959.
  { unit: 'in', scale: { exactFactor: decimalLiteral('25.4') }, aliases: ['inch', 'inches'] },
  { unit: 'ft', scale: { exactFactor: decimalLiteral('304.8') }, aliases: ['foot', 'feet'] },
]);

/**
 * A length from values the caller controls. An unknown unit is a TypeError; a negative or
 * non-finite value a RangeError.
 */
export function length<U extends LengthUnit>(value: number, unit: U): Length<U> {
  return LENGTH.make(value, unit);
}

/**
 * A length from provider fields: the value as a number or decimal text, the unit in any case or
 * common spelling (CM, metres, inches, feet). A missing or unknown unit is a `contract_violation`
 * with reason `unknown_unit`, never a default; a negative or unreadable value one with reason
 * `invalid_length`.
 */
export function parseLength(value: unknown, unit: unknown, ctx?: CoercionContext): Length {
  return LENGTH.parse(value, unit, ctx);
}

/**
 * The same length in another unit. Metric to metric is exact (25 cm is 0.25 m); through inches or
 * feet the exact factors are used and the result rounded half-even to 9 decimal places.
 */
export function convertLength<T extends LengthUnit>(l: Length, to: T): Length<T> {
  return LENGTH.convert(l, to);
}
