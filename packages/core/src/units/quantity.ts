import { contractViolation, describeValue, type CoercionContext } from './coercion-error.js';
import {
  decimalFromNumber,
  decimalFromSafeInteger,
  decimalToNumber,
  divideDecimals,
  multiplyDecimals,
  parseDecimal,
  shiftPoint,
  type Decimal,
} from './decimal.js';

/** A non-negative amount of some physical measure, with its unit carried alongside. */
export interface Quantity<U extends string> {
  readonly value: number;
  readonly unit: U;
}

/**
 * A unit's size in the measure's base unit: a power of ten for metric units (scaled by moving the
 * decimal point, so exactly) or an exact decimal factor for imperial ones.
 */
export type UnitScale = { readonly metricPower: number } | { readonly exactFactor: Decimal };

/** One unit of a measure and the spellings providers use for it (matched case-insensitively). */
export interface UnitDefinition<U extends string> {
  readonly unit: U;
  readonly scale: UnitScale;
  readonly aliases: readonly string[];
}

/** Constructs, parses and converts the quantities of one measure (weight, length). */
export interface Measure<U extends string> {
  make<V extends U>(value: number, unit: V): Quantity<V>;
  parse(value: unknown, unit: unknown, ctx?: CoercionContext): Quantity<U>;
  convert<T extends U>(quantity: Quantity<U>, to: T): Quantity<T>;
}

// A conversion through an imperial factor rarely terminates (1 g is 0.03527396194958... oz); nine
// places keep well below any scale's resolution while giving stable, comparable results.
const IMPERIAL_PLACES = 9;

function factorOf(scale: UnitScale): Decimal {
  return 'metricPower' in scale ? shiftPoint(decimalFromSafeInteger(1), scale.metricPower) : scale.exactFactor;
}

/**
 * The operations for a measure named `name` (used in messages and in the `invalid_<name>` reason)
 * over the given units.
 */
export function defineMeasure<U extends string>(name: string, units: readonly UnitDefinition<U>[]): Measure<U> {
  const byAlias = new Map<string, UnitDefinition<U>>(
    units.flatMap((definition) => [definition.unit, ...definition.aliases].map((alias) => [alias.toLowerCase(), definition] as const)),
  );

  const definitionOf = (unit: unknown): UnitDefinition<U> => {
    const definition = units.find((candidate) => candidate.unit === unit);
    if (definition === undefined) throw new TypeError(`Unknown ${name} unit ${describeValue(unit)}`);
    return definition;
  };

  const make = <V extends U>(value: number, unit: V): Quantity<V> => {
    definitionOf(unit);
    if (typeof value !== 'number') throw new TypeError(`A ${name} value must be a number, got ${describeValue(value)}`);
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`A ${name} must be finite and non-negative, got ${describeValue(value)}`);
    }
    return Object.freeze({ value: value === 0 ? 0 : value, unit });
  };

  return {
    make,

    parse(value, unit, ctx) {
      // A missing or unrecognised unit is never defaulted: guessing grams for kilograms is the bug
      // this module exists to prevent.
      const definition = typeof unit === 'string' ? byAlias.get(unit.trim().toLowerCase()) : undefined;
      if (definition === undefined) {
        throw contractViolation('unknown_unit', `Unknown ${name} unit ${describeValue(unit)}`, ctx);
      }
      const amount =
        typeof value === 'number' ? decimalFromNumber(value) : typeof value === 'string' ? parseDecimal(value) : undefined;
      const number = amount === undefined || amount.negative ? Number.NaN : decimalToNumber(amount);
      if (!Number.isFinite(number)) {
        throw contractViolation(`invalid_${name}`, `Not a non-negative ${name}: ${describeValue(value)}`, ctx);
      }
      return make(number, definition.unit);
    },

    convert<T extends U>(quantity: Quantity<U>, to: T): Quantity<T> {
      const from = definitionOf(quantity.unit).scale;
      const target = definitionOf(to).scale;
      if (quantity.unit === to) return make(quantity.value, to);
      const value = decimalFromNumber(quantity.value);
      if (value === undefined) throw new RangeError(`A ${name} must be finite, got ${describeValue(quantity.value)}`);
      const converted =
        'metricPower' in from && 'metricPower' in target
          ? shiftPoint(value, from.metricPower - target.metricPower)
          : divideDecimals(multiplyDecimals(value, factorOf(from)), factorOf(target), IMPERIAL_PLACES, 'half_even');
      return make(decimalToNumber(converted), to);
    },
  };
}
