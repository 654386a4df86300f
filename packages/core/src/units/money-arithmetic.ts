import { money, type Money } from './money.js';

function assertSameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency !== b.currency) {
    throw new TypeError(`Cannot ${operation} ${a.currency} and ${b.currency} amounts`);
  }
}

/** `a + b`; mismatched currencies are a TypeError, a result beyond the safe integer range a RangeError. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'add');
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** `a - b`; mismatched currencies are a TypeError, a result beyond the safe integer range a RangeError. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b, 'subtract');
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; mismatched currencies are a TypeError. */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b, 'compare');
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

/**
 * Whether two amounts are equal. Mismatched currencies are a TypeError rather than `false`: asking
 * whether 10 USD equals 10 EUR is a bug in the caller, not a question with an answer.
 */
export function moneyEquals(a: Money, b: Money): boolean {
  return compareMoney(a, b) === 0;
}

/** The amount with its sign flipped (a refund of a charge). */
export function negateMoney(m: Money): Money {
  return money(-m.amountMinor, m.currency);
}

/** Whether the amount is zero. */
export function isZeroMoney(m: Money): boolean {
  return m.amountMinor === 0;
}
