import { currencyExponent, IntegrationError, money, moneyFromProvider, type Money } from '@interlock/core';
import { STRIPE_PROVIDER } from '../provider.js';
import { refuse } from './request-checks.js';

/**
 * Where Stripe's minor unit differs from ISO 4217's (docs.stripe.com/currencies): Stripe counts
 * MGA in whole ariary (ISO: 2 places), and keeps ISK as a two-decimal currency on the wire
 * (ISO: 0 places) whose amounts must be whole krónur, i.e. multiples of 100.
 */
const WIRE_EXPONENT: Readonly<Record<string, number>> = { MGA: 0, ISK: 2 };

/**
 * Three-decimal currencies Stripe supports; its payment partners need the last digit to be 0, so
 * 5.124 KWD cannot be charged and must be refused here rather than by Stripe.
 */
const LAST_DIGIT_ZERO: ReadonlySet<string> = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Decimal places Stripe's integer amounts carry in `currency` (upper case). */
export function stripeExponent(currency: string): number {
  return WIRE_EXPONENT[currency] ?? currencyExponent(currency);
}

/**
 * The integer Stripe expects for `m`. Amounts Stripe would reject or misread are refused before
 * sending, as `invalid_request`: not positive (`amount_not_positive`), a 3-decimal amount whose
 * last digit is not 0 or an MGA amount with fractions of an ariary (`amount_precision`).
 */
export function toWireAmount(m: Money, operation: string): number {
  if (m.amountMinor <= 0) throw refuse(operation, 'amount_not_positive', `amount must be positive, got ${m.amountMinor} ${m.currency}`);
  if (LAST_DIGIT_ZERO.has(m.currency) && m.amountMinor % 10 !== 0) {
    throw refuse(operation, 'amount_precision', `${m.currency} amounts must end in 0 at Stripe (${m.amountMinor} minor units)`);
  }
  const shift = stripeExponent(m.currency) - currencyExponent(m.currency);
  if (shift >= 0) return m.amountMinor * 10 ** shift;
  const factor = 10 ** -shift;
  if (m.amountMinor % factor !== 0) {
    throw refuse(operation, 'amount_precision', `${m.currency} is charged in whole units at Stripe (${m.amountMinor} minor units)`);
  }
  return m.amountMinor / factor;
}

/**
 * Money from a Stripe amount and its lower-case currency. An ISK amount with fractions of a króna
 * (possible on charges made before April 2023) is a `contract_violation`: it has no exact
 * canonical value.
 */
export function fromWireAmount(value: unknown, currency: string, field: string): Money {
  const ctx = { provider: STRIPE_PROVIDER, field };
  const wire = moneyFromProvider(value, currency, 'minor', ctx);
  const shift = stripeExponent(wire.currency) - currencyExponent(wire.currency);
  if (shift <= 0) return money(wire.amountMinor * 10 ** -shift, wire.currency);
  const factor = 10 ** shift;
  if (wire.amountMinor % factor !== 0) {
    throw new IntegrationError('contract_violation', `${STRIPE_PROVIDER} ${field}: ${wire.amountMinor} ${wire.currency} is not a whole unit`, {
      provider: STRIPE_PROVIDER,
      endpoint: field,
      reason: 'excess_precision',
    });
  }
  return money(wire.amountMinor / factor, wire.currency);
}

/** Stripe's currency parameter: ISO 4217, lower case. */
export function toWireCurrency(m: Money): string {
  return m.currency.toLowerCase();
}
