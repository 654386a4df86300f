import { contractViolation, describeValue, type CoercionContext } from './coercion-error.js';
import { currencyExponent, normaliseCurrency, type CurrencyCode } from './currencies.js';
import { decimalFromSafeInteger, decimalToSafeInteger, decimalToString, parseDecimal, roundToScale, shiftPoint } from './decimal.js';

/** An amount as a safe integer count of the currency's minor unit (paise, cents, fils; yen itself). */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/**
 * What to do with digits finer than the minor unit: `reject` (the default; the amount is refused),
 * `half_even` (ties to the even neighbour), `half_up` (ties away from zero) or `down` (towards zero).
 */
export type Rounding = 'reject' | 'half_even' | 'half_up' | 'down';

/** Options for reading a major-unit amount. */
export interface MoneyParseOptions {
  readonly rounding?: Rounding | undefined;
}

/**
 * Money from a minor-unit amount the caller already holds. A non-integer amount is a TypeError and
 * one beyond the safe integer range a RangeError: both are programming errors, not provider data.
 */
export function money(amountMinor: number, currency: string): Money {
  if (typeof amountMinor !== 'number' || !Number.isInteger(amountMinor)) {
    throw new TypeError(`Minor amount must be an integer, got ${describeValue(amountMinor)}`);
  }
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Minor amount ${amountMinor} is beyond the safe integer range`);
  }
  // -0 would print as "0" but fail Object.is checks downstream; there is only one zero amount.
  return Object.freeze({ amountMinor: amountMinor === 0 ? 0 : amountMinor, currency: normaliseCurrency(currency) });
}

/**
 * Money from a major-unit decimal ("10.50" INR is 1050 paise). A number is read through its
 * shortest text, so 0.30000000000000004 keeps all its digits and is refused for USD rather than
 * silently becoming 0.30. Rejections are `contract_violation`s: `invalid_money` (not plain decimal
 * text: exponents, NaN, separators), `excess_precision` (more places than the currency has and
 * rounding is `reject`), `out_of_range` (beyond a safe integer of minor units), `unknown_currency`.
 */
export function moneyFromMajor(
  value: string | number,
  currency: string,
  options?: MoneyParseOptions,
  ctx?: CoercionContext,
): Money {
  const code = normaliseCurrency(currency, ctx);
  const exponent = currencyExponent(code);
  const parsed =
    typeof value === 'string' ? parseDecimal(value) : typeof value === 'number' ? parseDecimal(String(value)) : undefined;
  if (parsed === undefined) {
    throw contractViolation('invalid_money', `Not a plain decimal amount: ${describeValue(value)}`, ctx);
  }
  const minor = roundToScale(shiftPoint(parsed, exponent), 0, options?.rounding ?? 'reject');
  if (minor === undefined) {
    throw contractViolation(
      'excess_precision',
      `${describeValue(value)} has more decimal places than ${code} allows (${exponent})`,
      ctx,
    );
  }
  const amountMinor = decimalToSafeInteger(minor);
  if (amountMinor === undefined) {
    throw contractViolation('out_of_range', `${describeValue(value)} ${code} is beyond the safe integer range`, ctx);
  }
  return money(amountMinor, code);
}

/** The amount in major units with exactly the currency's places: "10.50" INR, "1000" JPY, "-1.234" KWD. */
export function moneyToMajorString(m: Money): string {
  return decimalToString(shiftPoint(decimalFromSafeInteger(m.amountMinor), -currencyExponent(m.currency)));
}
