import { contractViolation, describeValue, type CoercionContext } from './coercion-error.js';
import { normaliseCurrency } from './currencies.js';
import { money, moneyFromMajor, moneyToMajorString, type Money } from './money.js';

/** How a provider writes amounts: `minor` (Stripe's 1050) or `major` (PayPal's "10.50"). */
export type MoneyRepresentation = 'minor' | 'major';

const INTEGER_TEXT = /^-?\d+$/;

/**
 * Money from a provider's amount field. `minor` takes an integer or integer text; `major` takes
 * decimal text or a number, read as {@link moneyFromMajor} reads it, refusing excess precision.
 * Anything else is a `contract_violation` (`invalid_money`, `out_of_range`, `excess_precision`,
 * `unknown_currency`).
 */
export function moneyFromProvider(
  value: unknown,
  currency: string,
  representation: MoneyRepresentation,
  ctx?: CoercionContext,
): Money {
  const code = normaliseCurrency(currency, ctx);
  if (representation === 'major') {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw contractViolation('invalid_money', `Not a major-unit amount: ${describeValue(value)}`, ctx);
    }
    return moneyFromMajor(value, code, undefined, ctx);
  }
  const amount =
    typeof value === 'number' ? value : typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(amount)) {
    throw contractViolation('invalid_money', `Not an integer minor-unit amount: ${describeValue(value)}`, ctx);
  }
  if (!Number.isSafeInteger(amount)) {
    throw contractViolation('out_of_range', `${describeValue(value)} ${code} is beyond the safe integer range`, ctx);
  }
  return money(amount, code);
}

/**
 * The amount as a provider expects it. `as` defaults to a number for `minor` and a string for
 * `major`; a major-unit number that a double cannot hold exactly is a RangeError rather than a
 * quietly different amount on the wire.
 */
export function moneyToProvider(m: Money, representation: MoneyRepresentation, as?: 'number' | 'string'): number | string {
  const shape = as ?? (representation === 'minor' ? 'number' : 'string');
  if (representation === 'minor') return shape === 'number' ? m.amountMinor : String(m.amountMinor);
  const text = moneyToMajorString(m);
  if (shape === 'string') return text;
  const amount = Number(text);
  // String(amount) is the shortest text naming that double, so it matches the exact text (less
  // trailing fraction zeros) precisely when the double is exact.
  const canonical = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  if (String(amount) !== canonical) {
    throw new RangeError(`${text} ${m.currency} cannot be sent as a number without changing it`);
  }
  return amount;
}
