import type { LogisticsConnector } from '../connector.js';
import type { RateCache } from './rate-cache.js';
import type { TrackingCache } from './tracking-cache.js';

/**
 * The connector with its rate quotes and tracking reads going through the hub's caches; every
 * other member is the connector's own. The caches are shared across connectors (keys carry the
 * provider), so one of each serves the whole hub.
 */
export function cachedConnector(connector: LogisticsConnector, caches: { rates?: RateCache; tracking?: TrackingCache }): LogisticsConnector {
  const { rates, tracking } = caches;
  return Object.freeze({
    provider: connector.provider,
    quoteRates: (request) => (rates === undefined ? connector.quoteRates(request) : rates.quote(connector, request)),
    track: (numbers, options) => (tracking === undefined ? connector.track(numbers, options) : tracking.track(connector, numbers, options)),
    createShipment: (input) => connector.createShipment(input),
    cancelShipment: (id, options) => connector.cancelShipment(id, options),
    getShipment: (id) => connector.getShipment(id),
    findShipmentByReference: (reference) => connector.findShipmentByReference(reference),
    listShipments: (filter) => connector.listShipments(filter),
    parseWebhook: (delivery) => connector.parseWebhook(delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => connector.eventsFromVerifiedBody(rawBody, eventId),
  } satisfies LogisticsConnector);
}
