export type {
  AppliedChange,
  BusinessCounter,
  BusinessHistogram,
  BusinessMetric,
  BusinessObservation,
  BusinessObserver,
  BusinessRate,
  DomainMetrics,
  SeriesSelector,
} from './business-metrics.js';
export { defineConnector, isConnectorDescriptor, type ConnectorContext, type ConnectorDescriptor, type DocumentedLimits } from './descriptor.js';
export type { DomainPlugin, PolledRecord, ReconciliationJobContext, RecordPolling, RecordWatching, WatchOutcome } from './domain-plugin.js';
export { readCall, type ReadOptions } from './read-options.js';
export { envList, requireEnvList, type Environment } from './environment.js';
export { isReadinessCapability, READINESS_CAPABILITIES, type ReadinessCapability } from './readiness.js';
export { POLLED_EVENT_TYPE, type EventInterpreter, type RecordChange } from './record-change.js';
export {
  admitDelivery,
  assertAuthentic,
  authenticateDelivery,
  BODY_DIGEST,
  checkWebhookIntake,
  identifyEvent,
  outsideReplayWindow,
  readEventIdentity,
  signsBody,
  DEFAULT_REDELIVERY_WINDOW_MS,
  verifiedBodyJson,
  webhookRefused,
  type Admission,
  type DeliveryCheck,
  type EventField,
  type EventIdentity,
  type IdentityProblem,
  type IdentityResult,
  type IncomingDelivery,
  type WebhookIntake,
  type WebhookVerification,
} from './webhook-intake.js';
