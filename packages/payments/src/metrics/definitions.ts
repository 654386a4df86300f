import type { BusinessMetric, BusinessRate } from '@interlock/core';

/** The payments domain's business metrics, by name (the hub exposes each as `interlock_payments_<name>`). */
export const PAYMENT_METRICS = Object.freeze({
  outcomes: 'outcomes_total',
  succeededAmount: 'succeeded_amount_minor_total',
  refunded: 'refunded_total',
  refundedAmount: 'refunded_amount_minor_total',
  settleSeconds: 'settle_seconds',
});

/** Card payments finish in seconds, bank transfers and manual captures in days: 1 s to 7 days. */
const SETTLE_BUCKETS = [1, 5, 30, 60, 300, 900, 3_600, 21_600, 86_400, 259_200, 604_800];

export const paymentMetricDefinitions: readonly BusinessMetric[] = [
  {
    kind: 'counter',
    name: PAYMENT_METRICS.outcomes,
    help: 'Payments by the outcome they reached (succeeded, failed, canceled); one whose first card failed and second succeeded counts under both, as its customer saw both.',
    unit: 'count',
    labels: ['outcome'],
  },
  {
    kind: 'counter',
    name: PAYMENT_METRICS.succeededAmount,
    help: 'Money captured by succeeded payments, in minor units of the currency label (100 is 1.00 EUR, 100 JPY).',
    unit: 'minor_units',
    labels: ['currency'],
  },
  { kind: 'counter', name: PAYMENT_METRICS.refunded, help: 'Succeeded payments that were then refunded, in part or in full (each counted once).', unit: 'count', labels: [] },
  {
    kind: 'counter',
    name: PAYMENT_METRICS.refundedAmount,
    help: 'Money refunded, in minor units of the currency label.',
    unit: 'minor_units',
    labels: ['currency'],
  },
  {
    kind: 'histogram',
    name: PAYMENT_METRICS.settleSeconds,
    help: "Time from a payment's creation to the outcome it reached, by outcome, from the provider's times.",
    labels: ['outcome'],
    buckets: SETTLE_BUCKETS,
  },
];

export const paymentRates: readonly BusinessRate[] = [
  { title: 'Success rate', part: { metric: PAYMENT_METRICS.outcomes, where: { outcome: 'succeeded' } }, whole: { metric: PAYMENT_METRICS.outcomes } },
  { title: 'Refund rate (payments)', part: { metric: PAYMENT_METRICS.refunded }, whole: { metric: PAYMENT_METRICS.outcomes, where: { outcome: 'succeeded' } } },
  { title: 'Refund rate (value)', part: { metric: PAYMENT_METRICS.refundedAmount }, whole: { metric: PAYMENT_METRICS.succeededAmount }, by: 'currency' },
];
