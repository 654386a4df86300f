import { money } from '@interlock/core';
import { MemoryTelemetrySink, UnknownValueTracker } from '@interlock/core';
import { paymentSchema } from '@interlock/payments';
import { describe, expect, it } from 'vitest';
import { toCreatePaymentIntentBody, toPayment } from '../src/transform/payment.js';
import { chargeJson, wireIntent } from './support/wire.js';
import { thrown } from './support/thrown.js';

const T0 = Date.UTC(2026, 0, 1);

describe('PaymentIntent -> Payment', () => {
  it('maps every Stripe status through the status table', () => {
    const cases = [
      ['requires_payment_method', 'requires_action'],
      ['requires_confirmation', 'requires_action'],
      ['requires_action', 'requires_action'],
      ['processing', 'pending'],
      ['requires_capture', 'authorized'],
      ['canceled', 'canceled'],
      ['succeeded', 'succeeded'],
    ] as const;
    for (const [raw, canonical] of cases) {
      const payment = toPayment(wireIntent({ status: raw, latest_charge: null, amount_received: raw === 'succeeded' ? 49_900 : 0 }));
      expect(paymentSchema.parse(payment)).toMatchObject({ status: canonical, statusRaw: raw });
    }
  });

  it('reads requires_payment_method with last_payment_error as a failed attempt', () => {
    const payment = toPayment(
      wireIntent({
        status: 'requires_payment_method',
        latest_charge: 'ch_declined',
        last_payment_error: { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' },
      }),
    );
    expect(payment).toMatchObject({ status: 'failed', failure: { code: 'expired_card', providerCode: 'expired_card', message: 'Your card has expired.' } });
  });

  it('keeps the known code when the decline code is new, and reports the new one once as an unknown value', () => {
    const sink = new MemoryTelemetrySink();
    const tracker = new UnknownValueTracker({ provider: 'stripe', emit: (event) => sink.emit(event) });
    const declined = (error: Record<string, unknown>) => toPayment(wireIntent({ status: 'requires_payment_method', latest_charge: null, last_payment_error: error }), { tracker });
    // An off-session charge the issuer wants authenticated, with a decline code newer than the connector.
    const payment = declined({ type: 'card_error', code: 'authentication_required', decline_code: 'brand_new_decline', message: 'Your card was declined. This transaction requires authentication.' });
    expect(payment.failure).toEqual({ code: 'authentication_required', providerCode: 'authentication_required', message: 'Your card was declined. This transaction requires authentication.' });
    expect(declined({ type: 'card_error', code: 'card_declined', decline_code: 'brand_new_decline' }).failure).toEqual({ code: 'card_declined', providerCode: 'card_declined' });
    expect(sink.ofType('enum.unknown_value').map(({ enum: name, raw, firstSeen }) => ({ name, raw, firstSeen }))).toEqual([
      { name: 'stripe.decline_code', raw: 'brand_new_decline', firstSeen: true },
      { name: 'stripe.decline_code', raw: 'brand_new_decline', firstSeen: false },
    ]);
    // Nothing known at all: unknown, with the most specific code kept raw and both reported.
    expect(declined({ type: 'card_error', code: 'brand_new_code', decline_code: 'other_new_decline' }).failure).toEqual({ code: 'unknown', providerCode: 'other_new_decline' });
    expect(tracker.counts().get('stripe.decline_code:brand_new_code')).toBe(1);
    expect(tracker.counts().get('stripe.decline_code:other_new_decline')).toBe(1);
    const fraud = toPayment(wireIntent({ status: 'requires_payment_method', latest_charge: null, last_payment_error: { type: 'card_error', decline_code: 'stolen_card' } }));
    expect(fraud.failure).toEqual({ code: 'fraud_suspected', providerCode: 'stolen_card' });
  });

  it('derives refunded and partially refunded from the expanded latest charge', () => {
    expect(toPayment(wireIntent())).toMatchObject({ status: 'partially_refunded', amountRefunded: money(10_000, 'INR') });
    const full = toPayment(wireIntent({ latest_charge: chargeJson({ amount_refunded: 49_900, refunded: true }) }));
    expect(full).toMatchObject({ status: 'refunded', amountRefunded: money(49_900, 'INR'), amountCaptured: money(49_900, 'INR') });
  });

  it('does not count the released rest of a partial capture as refunded', () => {
    const intent = wireIntent({ amount_received: 30_000, latest_charge: chargeJson({ amount_captured: 30_000, amount_refunded: 19_900 }) });
    expect(toPayment(intent)).toMatchObject({ status: 'succeeded', amountCaptured: money(30_000, 'INR'), amountRefunded: money(0, 'INR') });
    const refundedAfter = wireIntent({ amount_received: 30_000, latest_charge: chargeJson({ amount_captured: 30_000, amount_refunded: 29_900 }) });
    expect(toPayment(refundedAfter)).toMatchObject({ status: 'partially_refunded', amountRefunded: money(10_000, 'INR') });
  });

  it('keeps succeeded when the latest charge is only an id (a webhook’s intent)', () => {
    expect(toPayment(wireIntent({ latest_charge: 'ch_3OaB2cLkdIwHu7ix1q8V0Ysd' }))).toMatchObject({ status: 'succeeded', amountRefunded: money(0, 'INR') });
  });

  it('keeps an unknown status raw and maps it to unknown', () => {
    const payment = toPayment(wireIntent({ status: 'requires_reauthorization' }));
    expect(payment).toMatchObject({ status: 'unknown', statusRaw: 'requires_reauthorization' });
  });

  it('splits the reference out of metadata, reads an expanded customer, and dates the update', () => {
    const payment = toPayment(wireIntent({ metadata: { reference: 'order-9', campaign: 'spring' }, customer: { id: 'cus_1', object: 'customer' } }));
    expect(payment).toMatchObject({ reference: 'order-9', metadata: { campaign: 'spring' }, customerId: 'cus_1', createdAt: T0, updatedAt: T0 + 40_000 });
    const foreign = toPayment(wireIntent({ metadata: {}, customer: 'cus_2', latest_charge: null, canceled_at: 1_767_225_700 }));
    expect(foreign).not.toHaveProperty('reference');
    expect(foreign).toMatchObject({ customerId: 'cus_2', updatedAt: T0 + 100_000 });
    expect(toPayment(wireIntent(), { observedAt: T0 + 5 }).updatedAt).toBe(T0 + 5);
  });
});

describe('CreatePaymentInput -> form body', () => {
  it('writes amount, lower-case currency, capture method, customer, description and metadata with the reference', () => {
    const body = toCreatePaymentIntentBody(
      { amount: money(1_200, 'JPY'), captureMethod: 'manual', reference: 'order-7', description: '東京', metadata: { channel: 'app' } },
      'cus_9',
      'createPaymentIntent',
    );
    expect(body).toEqual({
      amount: 1_200,
      currency: 'jpy',
      capture_method: 'manual',
      customer: 'cus_9',
      description: '東京',
      metadata: { channel: 'app', reference: 'order-7' },
    });
  });

  it('refuses metadata Stripe would reject or that would overwrite the reference', () => {
    const create = (metadata: Record<string, string>, reference = 'order-1') =>
      toCreatePaymentIntentBody({ amount: money(100, 'USD'), captureMethod: 'automatic', reference, metadata }, undefined, 'createPaymentIntent');
    expect(thrown(() => create({ reference: 'other' }))).toMatchObject({ kind: 'invalid_request', reason: 'metadata_invalid' });
    expect(thrown(() => create({ ['k'.repeat(41)]: 'v' }))).toMatchObject({ reason: 'metadata_invalid' });
    expect(thrown(() => create({ 'a[b]': 'v' }))).toMatchObject({ reason: 'metadata_invalid' });
    expect(thrown(() => create({ note: 'v'.repeat(501) }))).toMatchObject({ reason: 'metadata_invalid' });
    expect(thrown(() => create(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))))).toMatchObject({ reason: 'metadata_invalid' });
    expect(thrown(() => create({}, ''))).toMatchObject({ reason: 'reference_invalid' });
  });
});
