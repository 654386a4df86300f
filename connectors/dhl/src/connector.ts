import { systemClock, type Clock, type IdempotencyStore, type TelemetrySink } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { createDhlClient, createDhlExpressClient, type DhlExpressCredentials } from './client.js';
import type { DhlContext, DhlExpressContext } from './operations/context.js';
import { quoteRates } from './operations/rates.js';
import { createShipment } from './operations/shipments.js';
import { TrackingLedger } from './operations/tracking-ledger.js';
import { track } from './operations/tracking.js';
import { unsupported, unsupportedShipmentList } from './operations/unsupported.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { DHL_API_BASE_URL, DHL_EXPRESS_BASE_URL, DHL_PROVIDER } from './provider.js';

/** DHL Express (MyDHL API): its Basic credentials and account, apart from the tracking key. */
export interface DhlExpressOptions extends DhlExpressCredentials {
  /** Default DHL Express production; its test environment (`DHL_EXPRESS_TEST_BASE_URL`) or a simulator's URL otherwise. */
  baseUrl?: string;
  /** Remembers callers' idempotency keys across restarts, so a repeated create looks up only when one was sent. */
  idempotencyStore?: IdempotencyStore;
}

export interface DhlConnectorOptions {
  /** One DHL-API-Key, or two while one is rotated. */
  apiKeys: readonly string[];
  /** Default DHL's production API; its test server (`DHL_TEST_BASE_URL`) or a simulator's URL otherwise. */
  baseUrl?: string;
  /** Rates and labels through DHL Express; without it they refuse with `operation_unsupported`. */
  express?: DhlExpressOptions;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
}

function expressContext(options: DhlConnectorOptions, clock: Clock): DhlExpressContext | undefined {
  const { express } = options;
  if (express === undefined) return undefined;
  const api = createDhlExpressClient({ baseUrl: express.baseUrl ?? DHL_EXPRESS_BASE_URL, credentials: express, clock, telemetry: options.telemetry ?? [], fetch: options.fetch });
  return { api, accountNumber: express.accountNumber, idempotencyStore: express.idempotencyStore };
}

/**
 * The DHL connector: Shipment Tracking - Unified, and DHL Express (MyDHL API) rates and labels
 * when its credentials are given. Wiring only: requests, retries, limits, breakers, telemetry and
 * redaction are core's; each capability is one file in operations/, and what neither API offers
 * refuses with core's `operation_unsupported` (operations/unsupported.ts).
 */
export function createDhlConnector(options: DhlConnectorOptions): LogisticsConnector {
  const clock = options.clock ?? systemClock;
  const api = createDhlClient({ baseUrl: options.baseUrl ?? DHL_API_BASE_URL, apiKeys: options.apiKeys, clock, telemetry: options.telemetry ?? [], fetch: options.fetch });
  const ctx: DhlContext = { api, clock, ledger: new TrackingLedger(), express: expressContext(options, clock) };
  return {
    provider: DHL_PROVIDER,
    quoteRates: (request) => quoteRates(ctx, request),
    createShipment: (input) => createShipment(ctx, input),
    cancelShipment: () => Promise.reject(unsupported('cancelShipment')),
    getShipment: () => Promise.reject(unsupported('getShipment')),
    findShipmentByReference: () => Promise.reject(unsupported('findShipmentByReference')),
    track: (trackingNumbers, options) => track(ctx, trackingNumbers, options),
    listShipments: () => unsupportedShipmentList(),
    parseWebhook: () => parseWebhook(),
    eventsFromVerifiedBody: () => eventsFromVerifiedBody(),
  };
}
