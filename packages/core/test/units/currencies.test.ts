import { describe, expect, it } from 'vitest';
import { currencyExponent, isKnownCurrency, normaliseCurrency } from '../../src/units/index.js';
import { expectViolation } from './expect-violation.js';

describe('currencyExponent', () => {
  it.each([
    ['JPY', 0], ['KRW', 0], ['VND', 0], ['CLP', 0], ['ISK', 0], ['XAF', 0], ['XOF', 0], ['UGX', 0],
    ['USD', 2], ['INR', 2], ['EUR', 2], ['GBP', 2], ['IDR', 2],
    ['BHD', 3], ['IQD', 3], ['JOD', 3], ['KWD', 3], ['LYD', 3], ['OMR', 3], ['TND', 3],
    ['CLF', 4], ['UYW', 4],
  ])('%s has %i places', (code, places) => {
    expect(currencyExponent(code)).toBe(places);
  });

  it('accepts lower case, as Stripe sends it', () => {
    expect(currencyExponent('inr')).toBe(2);
    expect(normaliseCurrency('inr')).toBe('INR');
  });

  it.each(['XYZ', 'US', 'USDD', '', 'XAU', 'HRK'])('rejects %o as unknown', (code) => {
    expectViolation(() => currencyExponent(code), 'unknown_currency');
  });

  it('rejects a missing currency and reports where it came from', () => {
    const error = expectViolation(() => normaliseCurrency(undefined, { provider: 'stripe', field: 'currency' }), 'unknown_currency');
    expect(error.provider).toBe('stripe');
    expect(error.endpoint).toBe('currency');
  });
});

describe('isKnownCurrency', () => {
  it('answers yes or no where currencyExponent would throw', () => {
    expect(['INR', 'JPY', 'KWD', 'CLF'].map(isKnownCurrency)).toEqual([true, true, true, true]);
    expect(['XYZ', 'ABCD', ''].map(isKnownCurrency)).toEqual([false, false, false]);
  });
});
