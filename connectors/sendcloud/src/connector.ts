import { systemClock, type Clock, type TelemetrySink } from '@interlock/core';
import type { LogisticsConnector } from '@interlock/logistics';
import { createSendcloudClient, type SendcloudCredentials } from './client.js';
import type { SendcloudContext } from './operations/context.js';
import { quoteRates } from './operations/rates.js';
import { cancelShipment, createShipment, findShipmentByReference, getShipment, listShipments } from './operations/shipments.js';
import { track } from './operations/tracking.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { SENDCLOUD_API_BASE_URL, SENDCLOUD_PROVIDER } from './provider.js';

/** API keys (one, or two while one is rotated) or an OAuth2 client, and the rest. */
export type SendcloudConnectorOptions = SendcloudCredentials & {
  /** The webhook secrets deliveries are verified with: one, or two while one is rotated. */
  webhookSecrets: readonly string[];
  /** Default the production API; a simulator's URL otherwise, above the version (each endpoint names its `/v3` or `/v2`). */
  baseUrl?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
};

/**
 * The Sendcloud connector: v3 shipments, v2 tracking and signed parcel status webhooks. Rates are
 * refused with a typed `operation_unsupported` error (operations/rates.ts). Wiring only: requests,
 * retries, limits, breakers, telemetry and redaction are core's; each capability is one file in
 * operations/.
 */
export function createSendcloudConnector(options: SendcloudConnectorOptions): LogisticsConnector {
  // Without a secret every delivery would be refused, which looks like an attack rather than a setup mistake.
  if (options.webhookSecrets.length === 0) throw new TypeError(SENDCLOUD_PROVIDER + ': at least one webhook secret is required');
  const clock = options.clock ?? systemClock;
  const api = createSendcloudClient({
    ...(options.oauth2 === undefined ? { apiKeys: options.apiKeys } : { oauth2: options.oauth2 }),
    baseUrl: options.baseUrl ?? SENDCLOUD_API_BASE_URL,
    clock,
    telemetry: options.telemetry ?? [],
    alsoRedact: options.webhookSecrets,
    fetch: options.fetch,
  });
  const ctx: SendcloudContext = { api, clock, webhookSecrets: [...options.webhookSecrets] };
  return {
    provider: SENDCLOUD_PROVIDER,
    quoteRates: () => quoteRates(),
    createShipment: (input) => createShipment(ctx, input),
    cancelShipment: (id) => cancelShipment(ctx, id),
    getShipment: (id) => getShipment(ctx, id),
    findShipmentByReference: (reference) => findShipmentByReference(ctx, reference),
    track: (trackingNumbers, options) => track(ctx, trackingNumbers, options),
    listShipments: (filter) => listShipments(ctx, filter),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => eventsFromVerifiedBody(ctx, rawBody, eventId),
  };
}
