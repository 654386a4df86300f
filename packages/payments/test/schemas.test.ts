import { money, type Money } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { moneySchema, paymentSchema, refundSchema, settlementLineSchema } from '../src/index.js';
import { validPayment } from './fixtures.js';

describe('moneySchema', () => {
  it("accepts core's Money and infers a type assignable to it", () => {
    const parsed: Money = moneySchema.parse(money(1050, 'INR'));
    expect(parsed).toEqual({ amountMinor: 1050, currency: 'INR' });
  });

  it('refuses a float amount', () => {
    expect(moneySchema.safeParse({ amountMinor: 10.5, currency: 'INR' }).success).toBe(false);
  });

  it('refuses an amount beyond the safe integer range', () => {
    expect(moneySchema.safeParse({ amountMinor: 2 ** 53, currency: 'USD' }).success).toBe(false);
  });

  it.each(['XYZ', 'inr', 'EURO', ''])('refuses the currency %j', (currency) => {
    expect(moneySchema.safeParse({ amountMinor: 100, currency }).success).toBe(false);
  });
});

describe('paymentSchema', () => {
  it('accepts a valid payment', () => {
    expect(paymentSchema.parse(validPayment())).toEqual(validPayment());
  });

  it('accepts an unknown status with the raw provider text kept', () => {
    const payment = { ...validPayment(), status: 'unknown', statusRaw: 'on_hold_for_review' };
    expect(paymentSchema.parse(payment).statusRaw).toBe('on_hold_for_review');
  });

  it('accepts a failure with a canonical code and refuses an invented one', () => {
    const failed = { ...validPayment(), status: 'failed', failure: { code: 'card_declined', providerCode: 'do_not_honor' } };
    expect(paymentSchema.safeParse(failed).success).toBe(true);
    const invented = { ...failed, failure: { code: 'card_melted' } };
    expect(paymentSchema.safeParse(invented).success).toBe(false);
  });

  it('refuses a float amount in any money field', () => {
    const payment = { ...validPayment(), amountCaptured: { amountMinor: 10.5, currency: 'INR' } };
    expect(paymentSchema.safeParse(payment).success).toBe(false);
  });

  it('refuses a bad currency', () => {
    const payment = { ...validPayment(), amount: { amountMinor: 1050, currency: 'RUPEES' } };
    expect(paymentSchema.safeParse(payment).success).toBe(false);
  });

  it('refuses a status outside the canonical list', () => {
    expect(paymentSchema.safeParse({ ...validPayment(), status: 'requires_capture' }).success).toBe(false);
  });
});

describe('refund and settlement schemas', () => {
  it('accept valid records', () => {
    const refund = {
      id: 're_01',
      paymentId: 'pi_3Nx',
      amount: { amountMinor: 500, currency: 'INR' },
      status: 'pending',
      statusRaw: 'pending',
      createdAt: 1_767_225_700_000,
    };
    expect(refundSchema.safeParse(refund).success).toBe(true);
    const line = {
      provider: 'stripe',
      id: 'txn_1',
      paymentId: 'pi_3Nx',
      kind: 'charge',
      gross: { amountMinor: 1050, currency: 'INR' },
      fee: { amountMinor: 31, currency: 'INR' },
      net: { amountMinor: 1019, currency: 'INR' },
      settledAt: 1_767_312_000_000,
    };
    expect(settlementLineSchema.safeParse(line).success).toBe(true);
  });
});
