import { moneyFromProvider, moneyToProvider, type Money } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';

/**
 * Money as the MyDHL API writes it: a JSON number in major units (`price: 141.51`) beside an ISO
 * 4217 code. Read with the currency's exponent, so 141.51 GBP is 14151 and 1500 JPY is 1500; a
 * price with more decimals than its currency has is a `contract_violation`, never rounded away.
 */
export function fromWireAmount(value: number, currency: string, field: string): Money {
  return moneyFromProvider(value, currency, 'major', { provider: DHL_PROVIDER, field });
}

/** The major-unit number MyDHL takes for `money` (declared values, line prices). */
export function toWireAmount(money: Money): number {
  return moneyToProvider(money, 'major', 'number') as number;
}
