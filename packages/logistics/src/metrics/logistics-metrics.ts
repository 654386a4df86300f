import type { DomainMetrics } from '@interlock/core';
import { creationObserver } from './creation-observer.js';
import { logisticsMetricDefinitions, logisticsRates } from './definitions.js';
import { observeTrackingChange } from './tracking-observer.js';

/** The logistics domain's business metrics: creation success and label time, tracking lag, delivered against exception and returned. */
export const logisticsMetrics: DomainMetrics = Object.freeze({
  definitions: logisticsMetricDefinitions,
  rates: logisticsRates,
  observer: () => ({ observeChange: observeTrackingChange, ...creationObserver() }),
});
