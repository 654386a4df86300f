import { currencyExponent, moneyFromProvider, moneyToProvider, type Money } from '@interlock/core';
import { refused } from '../errors.js';
import { RAZORPAY_PROVIDER } from '../provider.js';

/**
 * The amount Razorpay expects: an integer of the currency's smallest sub-unit (paise for INR, yen
 * for JPY), where 3-decimal currencies (KWD, BHD, OMR, …) must end in 0, because Razorpay settles
 * them to 2 decimals. Anything else is refused here with `invalid_request` rather than sent.
 */
export function toWireAmount(amount: Money, endpoint: string): number {
  if (amount.amountMinor <= 0) {
    throw refused(endpoint, 'amount_not_positive', `amount must be above zero, got ${amount.amountMinor} ${amount.currency}`);
  }
  if (currencyExponent(amount.currency) === 3 && amount.amountMinor % 10 !== 0) {
    throw refused(
      endpoint,
      'amount_precision_unsupported',
      `${amount.currency} amounts must be a multiple of 10 (Razorpay takes 3-decimal currencies with a trailing 0), got ${amount.amountMinor}`,
    );
  }
  return moneyToProvider(amount, 'minor', 'number') as number;
}

/** Money from a Razorpay amount field, exact in minor units; a bad amount or currency is a contract violation. */
export function fromWireAmount(amount: unknown, currency: string, field: string): Money {
  return moneyFromProvider(amount, currency, 'minor', { provider: RAZORPAY_PROVIDER, field });
}
