import type { DomainMetrics } from '@interlock/core';
import { paymentMetricDefinitions, paymentRates } from './definitions.js';
import { observePaymentChange } from './observer.js';

/** The payments domain's business metrics: success rate, value by currency, refund rate, time to settle. */
export const paymentMetrics: DomainMetrics = Object.freeze({
  definitions: paymentMetricDefinitions,
  rates: paymentRates,
  // Stateless: every observation follows from the change and the state it replaced.
  observer: () => ({ observeChange: observePaymentChange }),
});
