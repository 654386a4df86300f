export { descriptor, sendcloudConfigSchema, type SendcloudConfig } from './descriptor.js';
export { createSendcloudConnector, type SendcloudConnectorOptions } from './connector.js';
export { createSendcloudClient, type SendcloudApi, type SendcloudCredentials, type SendcloudOAuth2Client } from './client.js';
export { sendcloudEndpoints, type SendcloudEndpoint, type SendcloudEndpoints } from './endpoints.js';
export {
  SENDCLOUD_API_BASE_URL,
  SENDCLOUD_API_VERSION,
  SENDCLOUD_OAUTH2_SCOPE,
  SENDCLOUD_PROVIDER,
  SENDCLOUD_REPORTING_LAG_MS,
  SENDCLOUD_TOKEN_URL,
} from './provider.js';
export { SENDCLOUD_RATE_LIMITS, type SendcloudRateLimits } from './limits.js';
export { SENDCLOUD_ERROR_KINDS, sendcloudErrorTable } from './errors.js';
export { SENDCLOUD_FIELD_MAPPINGS, LIST_PARAMS } from './fields.js';
export { webhookIntake, webhookScheme } from './webhooks.js';
export { fromWireAmount, toWireAmount } from './transform/money.js';
export { SENDCLOUD_TIME_ZONE, fromWireLocalTime } from './transform/instants.js';
export { PARENT_STATUS_MAP, SHIPMENT_STATUS_MAP, STATUS_ID_MAP } from './transform/status.js';
export { toAddress, toWireAddress } from './transform/address.js';
export { toParcel, toWireCustoms, toWireItems, toWireParcel } from './transform/parcel.js';
export { toCreateShipmentBody, toShipment } from './transform/shipment.js';
export { toTrackingEvent, toTrackingResult } from './transform/tracking.js';
export { toLogisticsEvents } from './transform/event.js';
export * from './wire/index.js';
