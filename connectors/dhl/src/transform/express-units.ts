import { convertLength, type Length, type Weight } from '@interlock/core';
import { carrierWeightText, type Parcel } from '@interlock/logistics';
import { PACKAGE_FIELDS } from '../fields.js';
import { refused } from './refused.js';

/** The unit systems a MyDHL message declares (`unitOfMeasurement`): kilograms and centimetres, or pounds and inches. */
export type UnitSystem = 'metric' | 'imperial';

const UNITS = { metric: { weight: 'kg', length: 'cm' }, imperial: { weight: 'lb', length: 'in' } } as const;

/** MyDHL's weights and dimensions are `multipleOf: 0.001`; its dimensions are at least 1. */
const PLACES = 3;
const MIN_DIMENSION = 1;

/**
 * The system a message is written in: imperial when every parcel is weighed in pounds or ounces
 * (a US shipper's own figures), metric otherwise. Either way each value is converted exactly from
 * the unit it carries, so the choice changes the numbers' unit, never the weight they mean.
 */
export function unitSystemFor(parcels: readonly Parcel[]): UnitSystem {
  return parcels.length > 0 && parcels.every((parcel) => parcel.weight.unit === 'lb' || parcel.weight.unit === 'oz') ? 'imperial' : 'metric';
}

/**
 * A weight as a number in the system's unit: converted exactly (500 g is 0.5 kg, never 500) and
 * rounded up to DHL's gram or thousandth of a pound, since a declared weight below the real one
 * is surcharged at the depot and one a gram above is not.
 */
export function toWireWeight(weight: Weight, system: UnitSystem): number {
  return Number(carrierWeightText(weight, UNITS[system].weight, PLACES));
}

/** The weight of `quantity` items of `weight` each, rounded up per item as `toWireWeight` does, multiplied exactly. */
export function toWireLineWeight(weight: Weight, quantity: number, system: UnitSystem): number {
  const thousandths = BigInt(carrierWeightText(weight, UNITS[system].weight, PLACES).replace('.', '')) * BigInt(quantity);
  return Number(`${thousandths}e-${PLACES}`);
}

/** A length in the system's unit, rounded up to a thousandth (core converts to nine places) and to DHL's minimum of 1. */
export function toWireLength(length: Length, system: UnitSystem): number {
  const nine = BigInt(convertLength(length, UNITS[system].length).value.toFixed(9).replace('.', ''));
  const step = 10n ** BigInt(9 - PLACES);
  return Math.max(MIN_DIMENSION, Number(`${(nine + step - 1n) / step}e-${PLACES}`));
}

/** A parcel as a MyDHL package. Both requests require its dimensions, so a parcel without them is refused before any call. */
export function toWirePackage(parcel: Parcel, system: UnitSystem, endpoint: string): Record<string, unknown> {
  const { dimensions } = parcel;
  if (dimensions === undefined) throw refused(endpoint, 'dimensions_required', 'DHL Express requires every parcel\'s length, width and height');
  const body: Record<string, unknown> = {};
  PACKAGE_FIELDS.write(body, 'weight', toWireWeight(parcel.weight, system));
  PACKAGE_FIELDS.write(body, 'length', toWireLength(dimensions.length, system));
  PACKAGE_FIELDS.write(body, 'width', toWireLength(dimensions.width, system));
  PACKAGE_FIELDS.write(body, 'height', toWireLength(dimensions.height, system));
  return body;
}
