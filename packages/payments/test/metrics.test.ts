import { describe, expect, it } from 'vitest';
import { money } from '@interlock/core';
import { BusinessMetricsProbe } from '@interlock/core/testing';
import { PAYMENT_METRICS, paymentChange, paymentMetrics, paymentSchema, paymentStatusMachine, paymentsDomain, type Payment } from '../src/index.js';

const CREATED = Date.UTC(2026, 11, 1, 9, 0, 0);

function payment(id: string, status: Payment['status'], captured: number, refunded = 0, currency = 'EUR'): Payment {
  return paymentSchema.parse({
    id,
    provider: 'toy',
    amount: money(1_000, currency),
    amountCaptured: money(captured, currency),
    amountRefunded: money(refunded, currency),
    status,
    statusRaw: status,
    createdAt: CREATED,
    updatedAt: CREATED,
    metadata: {},
  });
}

/** A payment change `seconds` after the payment's creation, by the provider's clock. */
const at = (seconds: number, paid: Payment) => paymentChange(paid, CREATED + seconds * 1_000);

const probe = (): BusinessMetricsProbe => new BusinessMetricsProbe(paymentStatusMachine, paymentMetrics.observer());

describe('payments business metrics', () => {
  it('is the payments domain’s declaration, every observed metric declared', () => {
    expect(paymentsDomain.metrics).toBe(paymentMetrics);
    const declared = new Set(paymentMetrics.definitions.map((definition) => definition.name));
    expect(new Set(Object.values(PAYMENT_METRICS))).toEqual(declared);
  });

  it('counts outcomes, succeeded and refunded money by currency, refunded payments and time to settle along a sequence of changes', () => {
    const metrics = probe();
    expect(metrics.apply(at(0, payment('pay_1', 'pending', 0)))).toBe(true);
    expect(metrics.apply(at(12, payment('pay_1', 'succeeded', 1_000)))).toBe(true);
    expect(metrics.apply(at(0, payment('pay_2', 'requires_action', 0, 0, 'JPY')))).toBe(true);
    expect(metrics.apply(at(90, payment('pay_2', 'succeeded', 1_000, 0, 'JPY')))).toBe(true);
    expect(metrics.apply(at(30, payment('pay_3', 'failed', 0)))).toBe(true);
    expect(metrics.apply(at(3_600, payment('pay_4', 'canceled', 0)))).toBe(true);

    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'succeeded' })).toBe(2);
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'failed' })).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'canceled' })).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.succeededAmount, { currency: 'EUR' })).toBe(1_000);
    expect(metrics.total(PAYMENT_METRICS.succeededAmount, { currency: 'JPY' })).toBe(1_000);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds, { outcome: 'succeeded' })).toEqual([12, 90]);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds, { outcome: 'failed' })).toEqual([30]);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds, { outcome: 'canceled' })).toEqual([3_600]);

    // Two partial refunds then the rest: one refunded payment, the money of each refund once.
    expect(metrics.apply(at(200, payment('pay_1', 'partially_refunded', 1_000, 300)))).toBe(true);
    expect(metrics.apply(at(300, payment('pay_1', 'partially_refunded', 1_000, 500)))).toBe(true);
    expect(metrics.apply(at(400, payment('pay_1', 'refunded', 1_000, 1_000)))).toBe(true);
    expect(metrics.total(PAYMENT_METRICS.refunded)).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.refundedAmount, { currency: 'EUR' })).toBe(1_000);
    expect(metrics.total(PAYMENT_METRICS.refundedAmount, { currency: 'JPY' })).toBe(0);
    // A refund is not a second success.
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'succeeded' })).toBe(2);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds)).toHaveLength(4);
  });

  it('moves nothing for a duplicate, a stale or a backward change the guard refuses', () => {
    const metrics = probe();
    const succeeded = at(12, payment('pay_1', 'succeeded', 1_000));
    metrics.apply(at(0, payment('pay_1', 'pending', 0)));
    metrics.apply(succeeded);
    metrics.apply(at(20, payment('pay_1', 'partially_refunded', 1_000, 400)));

    expect(metrics.apply(at(20, payment('pay_1', 'partially_refunded', 1_000, 400)))).toBe(false);
    expect(metrics.apply(succeeded)).toBe(false);
    expect(metrics.apply(at(25, payment('pay_1', 'pending', 0)))).toBe(false);
    expect(metrics.apply(at(30, payment('pay_1', 'failed', 0)))).toBe(false);

    expect(metrics.total(PAYMENT_METRICS.outcomes)).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.succeededAmount, { currency: 'EUR' })).toBe(1_000);
    expect(metrics.total(PAYMENT_METRICS.refunded)).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.refundedAmount, { currency: 'EUR' })).toBe(400);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds)).toEqual([12]);
  });

  it('counts a payment first seen refunded as a success with its captured and refunded money', () => {
    const metrics = probe();
    metrics.apply(at(60, payment('pay_9', 'partially_refunded', 1_000, 250, 'KWD')));
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'succeeded' })).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.refunded)).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.succeededAmount, { currency: 'KWD' })).toBe(1_000);
    expect(metrics.total(PAYMENT_METRICS.refundedAmount, { currency: 'KWD' })).toBe(250);
  });

  it('counts a failed attempt and the success that followed it on a second card', () => {
    const metrics = probe();
    metrics.apply(at(10, payment('pay_5', 'failed', 0)));
    metrics.apply(at(70, payment('pay_5', 'succeeded', 1_000)));
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'failed' })).toBe(1);
    expect(metrics.total(PAYMENT_METRICS.outcomes, { outcome: 'succeeded' })).toBe(1);
    expect(metrics.values(PAYMENT_METRICS.settleSeconds, { outcome: 'succeeded' })).toEqual([70]);
  });

  it('observes only payment records', () => {
    const movement = { recordType: 'payment_movement', recordId: 'm', status: 'charge', occurredAt: CREATED, snapshot: '{}' };
    expect(paymentMetrics.observer().observeChange?.({ change: movement, previous: undefined, receivedAt: CREATED })).toEqual([]);
  });
});
