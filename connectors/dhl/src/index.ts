export { createDhlClient, createDhlExpressClient, type DhlApi, type DhlClientOptions, type DhlExpressApi, type DhlExpressClientOptions, type DhlExpressCredentials } from './client.js';
export { createDhlConnector, type DhlConnectorOptions, type DhlExpressOptions } from './connector.js';
export { descriptor, dhlConfigSchema, type DhlConfig } from './descriptor.js';
export { dhlEndpoints, dhlExpressEndpoints, type DhlEndpoint, type DhlEndpoints, type DhlExpressEndpoint, type DhlExpressEndpoints } from './endpoints.js';
export { DHL_ERROR_KINDS, DHL_EXPRESS_ERROR_KINDS, dhlErrorTable, dhlExpressErrorTable, readDhlError, readDhlExpressError } from './errors.js';
export {
  CREATED_SHIPMENT_FIELDS,
  DHL_FIELD_MAPPINGS,
  DOCUMENT_FIELDS,
  EXPORT_DECLARATION_FIELDS,
  EXPRESS_ADDRESS_FIELDS,
  EXPRESS_PROBLEM_FIELDS,
  LINE_ITEM_FIELDS,
  PACKAGE_FIELDS,
  PAGE_FIELDS,
  PARTY_FIELDS,
  PRICE_FIELDS,
  PROBLEM_FIELDS,
  RATE_FIELDS,
  RATE_REQUEST_FIELDS,
  REFERENCE_LOOKUP_PARAMS,
  SHIPMENT_FIELDS,
  SHIPMENT_REQUEST_FIELDS,
  TRACK_PARAMS,
  TRACKED_SHIPMENT_FIELDS,
  TRACKING_EVENT_FIELDS,
} from './fields.js';
export { DHL_DAILY_QUOTA, DHL_EXPRESS_RATE_LIMITS, DHL_RATE_LIMITS, DHL_TRACK_PER_MINUTE, type DhlExpressRateLimits, type DhlRateLimits } from './limits.js';
export { TrackingLedger } from './operations/tracking-ledger.js';
export { DHL_API_BASE_URL, DHL_API_VERSION, DHL_EXPRESS_API_VERSION, DHL_EXPRESS_BASE_URL, DHL_EXPRESS_TEST_BASE_URL, DHL_PROVIDER, DHL_TEST_BASE_URL } from './provider.js';
export { isDeclarable, toExportDeclaration } from './transform/customs.js';
export { toShipment, toShipmentRequestBody } from './transform/express-shipment.js';
export { toWireLength, toWirePackage, toWireWeight, unitSystemFor, type UnitSystem } from './transform/express-units.js';
export { DHL_TIME_ZONE, fromWireTime, toWirePlannedTime } from './transform/instants.js';
export { fromWireAmount, toWireAmount } from './transform/money.js';
export { DHL_EXPRESS_CARRIER, RATE_VALIDITY_MS, toRateRequestBody, toRates } from './transform/rates.js';
export { STATUS_MAP } from './transform/status.js';
export { toShipmentWeight, toTrack, toTrackingEvent } from './transform/tracking.js';
export { fromWireWeight } from './transform/weight.js';
export { webhookIntake } from './webhooks.js';
export * from './wire/index.js';
