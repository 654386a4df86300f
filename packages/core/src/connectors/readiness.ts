/**
 * The production-readiness items a connector can claim to implement, by their stable ids. The
 * scorecard checks each claim; a connector lists only what it implements itself (the hub brings
 * the rest: dedupe, queues, alerts).
 */
export const READINESS_CAPABILITIES = [
  'auth.secrets-store',
  'auth.webhook-signature-tested',
  'auth.key-rotation',
  'auth.env-credentials',
  'auth.cert-pinning',
  'limits.per-endpoint',
  'limits.queue',
  'limits.backoff-jitter',
  'limits.retry-budget',
  'limits.burst-sustained',
  'webhooks.verify-every-event',
  'webhooks.dedupe',
  'webhooks.polling-fallback',
  'webhooks.ordering',
  'webhooks.async',
  'data.field-constants',
  'data.coercions-tested',
  'data.timezones-tested',
  'data.unknown-enum-alert',
  'data.pagination-tested',
  'monitoring.endpoint-health',
  'monitoring.business-metrics',
  'monitoring.reconciliation',
  'monitoring.queue-depth-alert',
  'monitoring.alert-hierarchy',
  'operations.error-parity',
  'operations.degraded-mode',
  'operations.runbook',
  'operations.on-call',
  'operations.post-incident',
] as const;

export type ReadinessCapability = (typeof READINESS_CAPABILITIES)[number];

const KNOWN: ReadonlySet<string> = new Set(READINESS_CAPABILITIES);

export function isReadinessCapability(value: string): value is ReadinessCapability {
  return KNOWN.has(value);
}
