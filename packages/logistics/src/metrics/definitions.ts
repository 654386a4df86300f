import type { BusinessMetric, BusinessRate } from '@interlock/core';

/** The logistics domain's business metrics, by name (the hub exposes each as `interlock_logistics_<name>`). */
export const LOGISTICS_METRICS = Object.freeze({
  creations: 'shipment_creations_total',
  labelSeconds: 'label_seconds',
  trackingLagSeconds: 'tracking_lag_seconds',
  outcomes: 'shipment_outcomes_total',
});

/** A label is bought within a request: a quarter second up to a minute, the client's deadline. */
const LABEL_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 30, 60];
/** Webhooks arrive within seconds; a carrier that batches its scans, or a poll, within hours: 1 s to 2 days. */
const LAG_BUCKETS = [1, 5, 15, 60, 300, 900, 3_600, 10_800, 21_600, 43_200, 86_400, 172_800];

export const logisticsMetricDefinitions: readonly BusinessMetric[] = [
  {
    kind: 'counter',
    name: LOGISTICS_METRICS.creations,
    help: "Shipment creations (label purchases) by outcome (created, failed), counted from the connector's calls to its createShipment endpoint, retries included in one.",
    unit: 'count',
    labels: ['outcome'],
  },
  {
    kind: 'histogram',
    name: LOGISTICS_METRICS.labelSeconds,
    help: 'Time from asking the carrier for a shipment to holding its label, retries and waits included.',
    labels: [],
    buckets: LABEL_BUCKETS,
  },
  {
    kind: 'histogram',
    name: LOGISTICS_METRICS.trackingLagSeconds,
    help: 'How late a tracking status reached us: when the hub received it (webhook or poll) minus when the carrier says it happened.',
    labels: [],
    buckets: LAG_BUCKETS,
  },
  {
    kind: 'counter',
    name: LOGISTICS_METRICS.outcomes,
    help: 'Shipments reaching delivered, exception or returned_to_sender; a shipment that falls into exception twice counts twice.',
    unit: 'count',
    labels: ['outcome'],
  },
];

export const logisticsRates: readonly BusinessRate[] = [
  { title: 'Shipment creation success', part: { metric: LOGISTICS_METRICS.creations, where: { outcome: 'created' } }, whole: { metric: LOGISTICS_METRICS.creations } },
  { title: 'Delivered', part: { metric: LOGISTICS_METRICS.outcomes, where: { outcome: 'delivered' } }, whole: { metric: LOGISTICS_METRICS.outcomes } },
  { title: 'Exception', part: { metric: LOGISTICS_METRICS.outcomes, where: { outcome: 'exception' } }, whole: { metric: LOGISTICS_METRICS.outcomes } },
  { title: 'Returned', part: { metric: LOGISTICS_METRICS.outcomes, where: { outcome: 'returned_to_sender' } }, whole: { metric: LOGISTICS_METRICS.outcomes } },
];
