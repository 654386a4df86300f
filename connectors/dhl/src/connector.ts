import { systemClock, type Clock, type TelemetrySink } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { createDhlClient } from './client.js';
import type { DhlContext } from './operations/context.js';
import { TrackingLedger } from './operations/tracking-ledger.js';
import { track } from './operations/tracking.js';
import { unsupported, unsupportedShipmentList } from './operations/unsupported.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { DHL_API_BASE_URL, DHL_PROVIDER } from './provider.js';

export interface DhlConnectorOptions {
  /** One DHL-API-Key, or two while one is rotated. */
  apiKeys: readonly string[];
  /** Default DHL's production API; its test server (`DHL_TEST_BASE_URL`) or a simulator's URL otherwise. */
  baseUrl?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
}

/**
 * The DHL connector: Shipment Tracking - Unified. Wiring only: requests, retries, limits, breakers,
 * telemetry and redaction are core's; tracking is operations/tracking.ts, and the capabilities DHL
 * Express would bring refuse with core's `operation_unsupported` (operations/unsupported.ts).
 */
export function createDhlConnector(options: DhlConnectorOptions): LogisticsConnector {
  const clock = options.clock ?? systemClock;
  const api = createDhlClient({ baseUrl: options.baseUrl ?? DHL_API_BASE_URL, apiKeys: options.apiKeys, clock, telemetry: options.telemetry ?? [], fetch: options.fetch });
  const ctx: DhlContext = { api, clock, ledger: new TrackingLedger() };
  return {
    provider: DHL_PROVIDER,
    quoteRates: () => Promise.reject(unsupported('quoteRates')),
    createShipment: () => Promise.reject(unsupported('createShipment')),
    cancelShipment: () => Promise.reject(unsupported('cancelShipment')),
    getShipment: () => Promise.reject(unsupported('getShipment')),
    findShipmentByReference: () => Promise.reject(unsupported('findShipmentByReference')),
    track: (trackingNumbers, options) => track(ctx, trackingNumbers, options),
    listShipments: () => unsupportedShipmentList(),
    parseWebhook: () => parseWebhook(),
    eventsFromVerifiedBody: () => eventsFromVerifiedBody(),
  };
}
