import type { CoercionContext } from './coercion-error.js';
import { decimalLiteral } from './decimal.js';
import { defineMeasure } from './quantity.js';

/** The weight units providers use. */
export type WeightUnit = 'mg' | 'g' | 'kg' | 'oz' | 'lb';

/** A weight; the unit is part of the type, so a `Weight<'g'>` is never mistaken for kilograms. */
export interface Weight<U extends WeightUnit = WeightUnit> {
  readonly value: number;
  readonly unit: U;
}

const WEIGHT = defineMeasure<WeightUnit>('weight', [
  { unit: 'mg', scale: { metricPower: -3 }, aliases: ['mgs', 'milligram', 'milligrams', 'milligramme', 'milligrammes'] },
  // "gr" is left out on purpose: it is the grain (0.0648 g), not the gram.
  { unit: 'g', scale: { metricPower: 0 }, aliases: ['gm', 'gms', 'gram', 'grams', 'gramme', 'grammes'] },
  { unit: 'kg', scale: { metricPower: 3 }, aliases: ['kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes'] },
  // The international avoirdupois ounce and pound, defined exactly in grams since 1959.
  { unit: 'oz', scale: { exactFactor: decimalLiteral('28.349523125') }, aliases: ['ozs', 'ounce', 'ounces'] },
  { unit: 'lb', scale: { exactFactor: decimalLiteral('453.59237') }, aliases: ['lbs', 'pound', 'pounds'] },
]);

/**
 * A weight from values the caller controls. An unknown unit is a TypeError; a negative or
 * non-finite value a RangeError.
 */
export function weight<U extends WeightUnit>(value: number, unit: U): Weight<U> {
  return WEIGHT.make(value, unit);
}

/**
 * A weight from provider fields: the value as a number or decimal text ("0.5", "500.0", 500), the
 * unit in any case or common spelling (G, grams, KG, kgs, LBS, pounds, OZ, ounces, MG). A missing
 * or unknown unit is a `contract_violation` with reason `unknown_unit`, never a default; a negative
 * or unreadable value one with reason `invalid_weight`.
 */
export function parseWeight(value: unknown, unit: unknown, ctx?: CoercionContext): Weight {
  return WEIGHT.parse(value, unit, ctx);
}

/**
 * The same weight in another unit. Metric to metric is exact (500 g is 0.5 kg); through ounces or
 * pounds the exact factors are used and the result rounded half-even to 9 decimal places.
 */
export function convertWeight<T extends WeightUnit>(w: Weight, to: T): Weight<T> {
  return WEIGHT.convert(w, to);
}
