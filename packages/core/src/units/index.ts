export type { CoercionContext } from './coercion-error.js';
export { currencyExponent, isKnownCurrency, normaliseCurrency, type CurrencyCode } from './currencies.js';
export { money, moneyFromMajor, moneyToMajorString, type Money, type MoneyParseOptions, type Rounding } from './money.js';
export { moneyFromProvider, moneyToProvider, type MoneyRepresentation } from './money-provider.js';
export { addMoney, compareMoney, isZeroMoney, moneyEquals, negateMoney, subtractMoney } from './money-arithmetic.js';
export { convertWeight, parseWeight, weight, type Weight, type WeightUnit } from './weight.js';
export { convertLength, length, parseLength, type Length, type LengthUnit } from './length.js';
export { zoneOffsetMs } from './time-zones.js';
export type { LocalPattern } from './wall-clock-text.js';
export {
  formatInstant,
  localInstantFormat,
  parseInstant,
  type InstantFormat,
  type IsoInstantFormat,
  type LocalInstantFormat,
  type UnixMillisFormat,
  type UnixSecondsFormat,
  type ZonedIsoInstantFormat,
} from './instants.js';
