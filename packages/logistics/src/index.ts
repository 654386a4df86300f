export { moneySchema } from './money-schema.js';
export { carrierWeightText, LENGTH_UNITS, lengthSchema, WEIGHT_UNITS, weightSchema } from './units.js';
export { isCountryCode } from './countries.js';
export { ASCII_PRINTABLE, assertCarrierCharset, LATIN_1, UNICODE, type CarrierCharset } from './charset.js';
export { resolveCarrierTime, type CarrierTime } from './carrier-time.js';
export {
  FINAL_TRACKING_STATUSES,
  isFinalTrackingStatus,
  TRACKING_STATUSES,
  trackingStatusMachine,
  trackingStatusSchema,
  type TrackingLifecycleStatus,
  type TrackingStatus,
} from './tracking-status.js';
export { addressSchema, type Address } from './models/address.js';
export { dimensionsSchema, parcelSchema, type Dimensions, type Parcel } from './models/parcel.js';
export { rateSchema, type Rate } from './models/rate.js';
export {
  CONTENTS_TYPES,
  customsItemSchema,
  customsSchema,
  eoriSchema,
  hsCodeSchema,
  INCOTERMS,
  type Customs,
  type CustomsItem,
} from './models/customs.js';
export { LABEL_FORMATS, labelSchema, shipmentPieceSchema, shipmentSchema, type Label, type Shipment, type ShipmentPiece } from './models/shipment.js';
export {
  trackingEventSchema,
  trackingLocationSchema,
  trackSchema,
  type Track,
  type TrackingEvent,
  type TrackingLocation,
} from './models/tracking.js';
export {
  LOGISTICS_EVENT_TYPES,
  logisticsEventSchema,
  trackingReadRequestSchema,
  type LogisticsEvent,
  type LogisticsEventType,
  type TrackingReadRequest,
} from './models/logistics-event.js';
export { summarizeTrack, type TrackIdentity } from './track-summary.js';
export type {
  CreateShipmentInput,
  IdempotentOptions,
  LogisticsConnector,
  RateRequest,
  ShipmentListFilter,
  TrackingResult,
  WebhookDelivery,
} from './connector.js';
export {
  crossesCustomsBorder,
  customsTerritoryOf,
  EU_MEMBER_STATES,
  fiscalTerritoryOf,
  type TerritoryAddress,
} from './customs/territories.js';
export { customsProblems, validateCustoms, type CustomsCheck } from './customs/validate.js';
export { stableKey, TtlCache, type TtlCacheOptions, type TtlCacheStats } from './cache/ttl-cache.js';
export { DEFAULT_RATE_TTL_MS, RateCache, type RateCacheOptions } from './cache/rate-cache.js';
export { DEFAULT_TRACKING_TTL_MS, TrackingCache, type TrackingCacheOptions } from './cache/tracking-cache.js';
export { cachedConnector } from './cache/cached-connector.js';
export { LOGISTICS_METRICS } from './metrics/definitions.js';
export { SHIPMENT_CREATION_ENDPOINT } from './metrics/creation-observer.js';
export { logisticsMetrics } from './metrics/logistics-metrics.js';
export { logisticsDomain } from './plugin/domain.js';
export { logisticsInterpreter, READ_REQUEST_TIMEOUT_MS } from './plugin/interpreter.js';
export { readTrack, shipmentPolling } from './plugin/polling.js';
export { SHIPMENT_RECORD_TYPE } from './plugin/records.js';
export { trackChange, trackOf } from './plugin/track-change.js';
