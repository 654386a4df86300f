import { systemClock, type Clock, type TelemetrySink } from '@interlock/core';
import type { LogisticsConnector, LogisticsEvent, WebhookDelivery } from '@interlock/logistics';
import { createUpsClient, type UpsClientCredentials } from './client.js';
import type { UpsContext } from './operations/context.js';
import { asWatchOutcome, SubscriptionKeeper, subscribe, type SubscriptionOutcome } from './operations/subscriptions.js';
import { track } from './operations/tracking.js';
import { unsupported, unsupportedShipmentList } from './operations/unsupported.js';
import { eventsFromVerifiedBody, parseWebhook, readAlerted } from './operations/webhooks.js';
import { UPS_API_BASE_URL, UPS_DEFAULT_LOCAL_ZONE, UPS_PROVIDER } from './provider.js';

export interface UpsConnectorOptions {
  /** The OAuth2 client UPS issued for the app. */
  credentials: UpsClientCredentials;
  /** The credentials registered for Track Alert pushes: one, or two while one is rotated. */
  webhookSecrets: readonly string[];
  /** Default production (`https://onlinetools.ups.com`); CIE or a simulator's URL otherwise. */
  baseUrl?: string;
  /** The IANA zone zone-less scan times are read in when UPS sends neither GMT fields nor an offset. */
  localZone?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
}

/** The LogisticsConnector, with what Track Alert adds. */
export interface UpsConnector extends LogisticsConnector {
  /** Subscribes numbers to Track Alert (100 per call) for UPS's 14 days. */
  subscribe(trackingNumbers: readonly string[]): Promise<SubscriptionOutcome>;
  /** Subscriptions kept alive: renewed a day before they lapse, on the caller's schedule; `watch`, `unwatch` and `renewWatches` use them. */
  readonly subscriptions: SubscriptionKeeper;
  /** Checks a push's credential, then reads its number from UPS: the event's track is UPS's answer, never the push's; a number UPS does not know fails as `not_found`. */
  readAlerted(delivery: WebhookDelivery): Promise<LogisticsEvent>;
}

/**
 * The UPS connector: tracking and Track Alert. Rates, labels, voids and shipment reads are refused
 * with a typed `operation_unsupported` error (no UPS Rating or Shipping spec is pinned). Wiring
 * only: requests, retries, limits, breakers, telemetry and redaction are core's.
 */
export function createUpsConnector(options: UpsConnectorOptions): UpsConnector {
  // Without a credential every push would be refused, which looks like an attack rather than a setup mistake.
  if (options.webhookSecrets.length === 0) throw new TypeError(UPS_PROVIDER + ': at least one Track Alert credential is required');
  const clock = options.clock ?? systemClock;
  const api = createUpsClient({
    baseUrl: options.baseUrl ?? UPS_API_BASE_URL,
    credentials: options.credentials,
    clock,
    telemetry: options.telemetry ?? [],
    alsoRedact: options.webhookSecrets,
    fetch: options.fetch,
  });
  const ctx: UpsContext = { api, clock, webhookSecrets: [...options.webhookSecrets], localZone: options.localZone ?? UPS_DEFAULT_LOCAL_ZONE };
  const subscriptions = new SubscriptionKeeper(ctx);
  return {
    provider: UPS_PROVIDER,
    quoteRates: () => Promise.reject(unsupported('quoteRates')),
    createShipment: () => Promise.reject(unsupported('createShipment')),
    cancelShipment: () => Promise.reject(unsupported('cancelShipment')),
    getShipment: () => Promise.reject(unsupported('getShipment')),
    findShipmentByReference: () => Promise.reject(unsupported('findShipmentByReference')),
    listShipments: () => unsupportedShipmentList(),
    track: (trackingNumbers, options) => track(ctx, trackingNumbers, options),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => eventsFromVerifiedBody(ctx, rawBody, eventId),
    subscribe: (trackingNumbers) => subscribe(ctx, trackingNumbers),
    subscriptions,
    watch: async (trackingNumbers) => asWatchOutcome(await subscriptions.add(trackingNumbers)),
    unwatch: (trackingNumber) => subscriptions.remove(trackingNumber),
    renewWatches: async () => asWatchOutcome(await subscriptions.renewDue()),
    readAlerted: (delivery) => readAlerted(ctx, delivery),
  };
}
