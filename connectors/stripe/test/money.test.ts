import { money, type Money } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { fromWireAmount, stripeExponent, toWireAmount } from '../src/index.js';
import { thrown } from './support/thrown.js';

const roundTrip = (m: Money): Money => fromWireAmount(toWireAmount(m, 'test'), m.currency.toLowerCase(), 'test');

describe('Stripe amounts', () => {
  it('round-trips INR paise, JPY yen and KWD fils exactly', () => {
    for (const m of [money(49_900, 'INR'), money(1, 'INR'), money(9_007_199_254_740_990, 'INR'), money(1_200, 'JPY'), money(1, 'JPY'), money(12_340, 'KWD'), money(10, 'KWD')]) {
      expect(roundTrip(m)).toEqual(m);
    }
    expect(toWireAmount(money(49_900, 'INR'), 'test')).toBe(49_900);
    expect(toWireAmount(money(1_200, 'JPY'), 'test')).toBe(1_200);
    expect(toWireAmount(money(12_340, 'KWD'), 'test')).toBe(12_340);
  });

  it('refuses a 3-decimal amount whose last digit is not 0, before anything is sent', () => {
    for (const currency of ['KWD', 'BHD', 'JOD', 'OMR', 'TND']) {
      expect(thrown(() => toWireAmount(money(5_124, currency), 'createPaymentIntent'))).toMatchObject({ kind: 'invalid_request', reason: 'amount_precision', endpoint: 'createPaymentIntent', requestMayHaveReachedProvider: false });
    }
    // IQD also has three ISO decimals but is not one of Stripe's listed three-decimal currencies.
    expect(toWireAmount(money(5_124, 'IQD'), 'test')).toBe(5_124);
  });

  it('refuses zero and negative amounts', () => {
    expect(thrown(() => toWireAmount(money(0, 'INR'), 'test'))).toMatchObject({ kind: 'invalid_request', reason: 'amount_not_positive' });
    expect(thrown(() => toWireAmount(money(-100, 'INR'), 'test'))).toMatchObject({ reason: 'amount_not_positive' });
  });

  it('follows Stripe where its minor unit differs from ISO 4217: MGA in whole ariary, ISK as two decimals', () => {
    expect(stripeExponent('MGA')).toBe(0);
    expect(stripeExponent('ISK')).toBe(2);
    expect(toWireAmount(money(150_000, 'MGA'), 'test')).toBe(1_500);
    expect(thrown(() => toWireAmount(money(150_050, 'MGA'), 'test'))).toMatchObject({ reason: 'amount_precision' });
    expect(fromWireAmount(1_500, 'mga', 'amount')).toEqual(money(150_000, 'MGA'));
    expect(toWireAmount(money(500, 'ISK'), 'test')).toBe(50_000);
    expect(fromWireAmount(50_000, 'isk', 'amount')).toEqual(money(500, 'ISK'));
    expect(thrown(() => fromWireAmount(50_010, 'isk', 'charge.amount'))).toMatchObject({ kind: 'contract_violation', reason: 'excess_precision' });
    expect(fromWireAmount(-50_000, 'isk', 'amount')).toEqual(money(-500, 'ISK'));
  });

  it('treats a non-integer or unknown-currency amount from Stripe as a contract violation', () => {
    expect(thrown(() => fromWireAmount(10.5, 'usd', 'amount'))).toMatchObject({ kind: 'contract_violation', reason: 'invalid_money' });
    expect(thrown(() => fromWireAmount(100, 'xyz', 'amount'))).toMatchObject({ kind: 'contract_violation', reason: 'unknown_currency' });
  });
});
