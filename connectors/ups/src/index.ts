export { descriptor, upsConfigSchema, type UpsConfig } from './descriptor.js';
export { createUpsConnector, type UpsConnector, type UpsConnectorOptions } from './connector.js';
export { createUpsClient, type UpsApi, type UpsClientCredentials, type UpsClientOptions } from './client.js';
export { upsEndpoints, type UpsEndpoint, type UpsEndpoints } from './endpoints.js';
export {
  UPS_API_BASE_URL,
  UPS_API_VERSION,
  UPS_DEFAULT_LOCAL_ZONE,
  UPS_PROVIDER,
  UPS_REPORTING_LAG_MS,
  UPS_TOKEN_PATH,
  UPS_TRACK_ALERT_VERSION,
} from './provider.js';
export { UPS_RATE_LIMITS, type UpsRateLimits } from './limits.js';
export { UPS_ERROR_KINDS, upsErrorTable } from './errors.js';
export { UPS_FIELD_MAPPINGS, UPS_HEADERS } from './fields.js';
export { UPS_ALERT_CREDENTIAL_HEADER, webhookIntake } from './webhooks.js';
export { fromUpsTime, type UpsScanTime } from './transform/instants.js';
export { CODE_STATUS, STATUS_MAP, toTrackingStatus } from './transform/status.js';
export { toTrack, toTrackingEvent, toTrackingResult, toWeight } from './transform/tracking.js';
export { UNSUPPORTED_OPERATIONS, unsupported, type UnsupportedOperation } from './operations/unsupported.js';
export {
  SUBSCRIPTION_BATCH,
  SUBSCRIPTION_LIFETIME_MS,
  SUBSCRIPTION_RENEW_BEFORE_MS,
  SubscriptionKeeper,
  type SubscriptionOutcome,
} from './operations/subscriptions.js';
export { TRACK_ALERT_TYPE } from './operations/webhooks.js';
export * from './wire/index.js';
