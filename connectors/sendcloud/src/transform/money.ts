import { moneyFromProvider, type Money } from '@interlock/core';
import { SENDCLOUD_PROVIDER } from '../provider.js';

/**
 * Money from an amount as the provider sends it: integer minor units and an ISO 4217 code.
 * Template value: a provider that sends major units ("10.50") reads them as 'major' here, and one
 * whose minor unit differs from ISO's for a currency converts it here (see Stripe's).
 */
export function fromWireAmount(amount: number, currency: string, field: string): Money {
  return moneyFromProvider(amount, currency, 'minor', { provider: SENDCLOUD_PROVIDER, field });
}

/** The amount the provider expects for `money`, in the unit `fromWireAmount` reads. */
export function toWireAmount(money: Money): number {
  return money.amountMinor;
}
