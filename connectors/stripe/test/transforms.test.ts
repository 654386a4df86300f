import { money, parseContract, UnknownValueTracker } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { toCreateCustomerBody, toCustomer } from '../src/transform/customer.js';
import { toCreateRefundBody, toRefund } from '../src/transform/refund.js';
import { toSettlementLine } from '../src/transform/settlement.js';
import { balanceTransactionContract } from '../src/wire/balance-transaction.js';
import { customerContract } from '../src/wire/customer.js';
import { refundContract } from '../src/wire/refund.js';
import { fixtureBody } from './support/fixtures.js';
import { thrown } from './support/thrown.js';

const refundJson = (patch: Record<string, unknown> = {}) => ({ ...fixtureBody('retrieve a refund'), ...patch });
const refund = (patch: Record<string, unknown> = {}) => toRefund(parseContract(refundContract, refundJson(patch)).value);
const firstLine = () => (fixtureBody('list balance transactions, first page')['data'] as Record<string, unknown>[])[0] as Record<string, unknown>;
const line = (patch: Record<string, unknown>, tracker?: UnknownValueTracker) =>
  toSettlementLine(parseContract(balanceTransactionContract, { ...firstLine(), ...patch }).value, { tracker });

describe('Refund', () => {
  it('maps Stripe refund statuses, requires_action counting as pending', () => {
    expect(refund({ status: 'succeeded' })).toMatchObject({ status: 'succeeded', statusRaw: 'succeeded' });
    expect(refund({ status: 'requires_action' })).toMatchObject({ status: 'pending', statusRaw: 'requires_action' });
    expect(refund({ status: 'failed' })).toMatchObject({ status: 'failed' });
    expect(refund({ status: 'canceled' })).toMatchObject({ status: 'canceled' });
    expect(refund({ status: 'reversed' })).toMatchObject({ status: 'unknown', statusRaw: 'reversed' });
    expect(refund({ status: null })).toMatchObject({ status: 'unknown', statusRaw: '' });
  });

  it('points at the PaymentIntent, or at the charge for a refund made without one', () => {
    expect(refund().paymentId).toBe('pi_3OaB2cLkdIwHu7ix1Kz8pQ2m');
    expect(refund({ payment_intent: null }).paymentId).toBe('ch_3OaB2cLkdIwHu7ix1q8V0Ysd');
    expect(thrown(() => refund({ payment_intent: null, charge: null }))).toMatchObject({ kind: 'contract_violation' });
  });

  it('reads a free-text reason back from metadata', () => {
    expect(refund({ reason: null, metadata: { reason: 'parcel lost' } }).reason).toBe('parcel lost');
    expect(refund({ reason: null, metadata: null })).not.toHaveProperty('reason');
  });

  it('sends Stripe’s own reasons as reason and any other text as metadata', () => {
    expect(toCreateRefundBody('pi_1', { reason: 'duplicate' }, money(500, 'USD'), 'createRefund')).toEqual({ payment_intent: 'pi_1', amount: 500, reason: 'duplicate' });
    expect(toCreateRefundBody('pi_1', { reason: 'parcel lost' }, undefined, 'createRefund')).toEqual({ payment_intent: 'pi_1', metadata: { reason: 'parcel lost' } });
    expect(toCreateRefundBody('pi_1', {}, undefined, 'createRefund')).toEqual({ payment_intent: 'pi_1' });
  });
});

describe('Customer', () => {
  it('maps a nameless customer without email to an empty name', () => {
    const wire = parseContract(customerContract, { ...fixtureBody('retrieve a customer'), name: null, email: null, metadata: {} }).value;
    expect(toCustomer(wire)).toEqual({ id: 'cus_PQg1o8vcGmoR32', name: '', metadata: {} });
  });

  it('writes only what was given', () => {
    expect(toCreateCustomerBody({}, 'createCustomer')).toEqual({});
    expect(toCreateCustomerBody({ email: 'a@b.example', metadata: { tier: 'gold' } }, 'createCustomer')).toEqual({ email: 'a@b.example', metadata: { tier: 'gold' } });
    expect(thrown(() => toCreateCustomerBody({ metadata: { reference: 'x' } }, 'createCustomer'))).toMatchObject({ reason: 'metadata_invalid' });
  });
});

describe('Balance transaction -> SettlementLine', () => {
  it('names the payment from an expanded charge or refund source, and nothing from an id', () => {
    expect(line({})).toMatchObject({ kind: 'charge', paymentId: 'pi_3OaB2cLkdIwHu7ix1Kz8pQ2m' });
    const unexpanded = line({ source: 'ch_3OaB2cLkdIwHu7ix1q8V0Ysd' });
    expect(unexpanded).not.toHaveProperty('paymentId');
    expect(unexpanded).not.toHaveProperty('refundId');
    expect(line({ type: 'payment', source: null })).toMatchObject({ kind: 'charge' });
  });

  it('maps every balance transaction type of the pinned version to a kind, and alerts on a new one', () => {
    const tracker = new UnknownValueTracker({ provider: 'stripe' });
    expect(line({ type: 'transfer', source: null }, tracker).kind).toBe('adjustment');
    expect(line({ type: 'stripe_fx_fee', source: null }, tracker).kind).toBe('fee');
    expect(line({ type: 'payout_failure', source: null }, tracker).kind).toBe('payout');
    expect(line({ type: 'payment_refund', source: null }, tracker).kind).toBe('refund');
    expect(tracker.counts().size).toBe(0);
    expect(line({ type: 'climate_order_purchase', source: null }, tracker).kind).toBe('unknown');
  });
});
