import type { EventQueue, TelemetryEvent, TelemetrySink } from '@interlock/core';
import { MetricsRegistry, type Counter, type Histogram } from './registry.js';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Everything the hub counts, and a telemetry sink that turns provider-client events into metrics. */
export class HubMetrics implements TelemetrySink {
  readonly registry = new MetricsRegistry();
  readonly webhooks: Counter;
  readonly ackSeconds: Histogram;
  readonly processed: Counter;
  readonly providerRequests: Counter;
  readonly providerErrors: Counter;
  readonly providerSeconds: Histogram;
  readonly reconciliationRuns: Counter;
  private readonly reconciliationDifferences = new Map<string, number>();

  constructor(queue: EventQueue) {
    this.webhooks = this.registry.counter('interlock_webhooks_received_total', 'Webhook requests by provider and outcome (accepted, duplicate, forged, malformed, ...).');
    this.ackSeconds = this.registry.histogram('interlock_webhook_ack_seconds', 'Time from request start to the 200 (or refusal), by provider.', LATENCY_BUCKETS);
    this.processed = this.registry.counter('interlock_events_processed_total', 'Events processed by workers, by provider and outcome.');
    this.providerRequests = this.registry.counter('interlock_provider_requests_total', 'Calls to providers, by provider, endpoint and outcome.');
    this.providerErrors = this.registry.counter('interlock_provider_errors_total', 'Failed calls to providers, by provider, endpoint and error kind.');
    this.providerSeconds = this.registry.histogram('interlock_provider_request_seconds', 'Provider call latency per attempt, by provider and endpoint.', LATENCY_BUCKETS);
    this.reconciliationRuns = this.registry.counter('interlock_reconciliation_runs_total', 'Reconciliation runs by provider and outcome (clean, differences, failed).');
    this.registry.gauge({
      name: 'interlock_reconciliation_differences',
      help: 'Differences the last finished reconciliation of each provider found; above zero needs a person.',
      read: () => Promise.resolve([...this.reconciliationDifferences].map(([provider, value]) => ({ labels: { provider }, value }))),
    });
    this.registry.gauge({
      name: 'interlock_queue_events',
      help: 'Events in the queue by status (queued, processing, applied, discarded, dead).',
      read: async () => Object.entries(await queue.counts()).map(([status, value]) => ({ labels: { status }, value })),
    });
    this.registry.gauge({
      name: 'interlock_dead_letters',
      help: 'Events waiting for a person: replay, reject or correct.',
      read: async () => [{ labels: {}, value: (await queue.counts()).dead }],
    });
  }

  /** Sets the differences gauge for a provider from its last finished run. */
  setReconciliationDifferences(provider: string, differences: number): void {
    this.reconciliationDifferences.set(provider, differences);
  }

  emit(event: TelemetryEvent): void {
    if (event.type !== 'request.finished') return;
    const labels = { provider: event.provider, endpoint: event.endpoint };
    this.providerRequests.inc({ ...labels, outcome: event.outcome });
    if (event.errorKind) this.providerErrors.inc({ ...labels, kind: event.errorKind });
    this.providerSeconds.observe(labels, event.durationMs / 1000);
  }
}
