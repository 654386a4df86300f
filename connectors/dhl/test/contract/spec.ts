import type { LogisticsConnector } from '@interlock/logistics';
import { shipmentPolling } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createDhlConnector, DHL_RATE_LIMITS } from '../../src/index.js';
import { API_KEY, replyOf } from './recorded.js';

const read = replyOf('shipments-express-delivered');
const page = read.body as { shipments: Record<string, unknown>[] };
const [shipment] = page.shipments;
const withShipment = (changes: Record<string, unknown>) => ({ status: 200, body: { ...page, shipments: [{ ...shipment, ...changes }] } });
const latest = shipment?.['status'] as Record<string, unknown>;

/**
 * Everything the shared connector contract suite needs to know about dhl. The read is a poll as
 * the hub makes it (shipmentPolling over `track`), which fails with the kind of a number's error;
 * DHL's tracking API has no writes.
 */
export const dhlSpec: ConnectorContractSpec<LogisticsConnector> = {
  provider: 'dhl',
  credentials: [API_KEY],
  create: ({ baseUrl, clock, fetch, telemetry }) => createDhlConnector({ baseUrl, apiKeys: [API_KEY], clock, fetch, telemetry }),
  read: { method: 'GET', path: '/shipments', reply: read, call: (connector) => shipmentPolling.read(connector, '7777777770') },
  errors: [
    { name: 'no result found', kind: 'not_found', reply: replyOf('error-not-found') },
    { name: 'invalid API key', kind: 'auth', reply: replyOf('error-unauthorized') },
    { name: 'quota spent', kind: 'rate_limited', reply: replyOf('error-rate-limited') },
    { name: 'DHL down', kind: 'unavailable', reply: replyOf('error-internal') },
    { name: 'shipments not a list', kind: 'contract_violation', reply: { status: 200, body: { shipments: 'none' } } },
  ],
  limits: { operation: 'read', windows: DHL_RATE_LIMITS.track },
  drift: { reply: withShipment({ co2Emissions: 412 }) },
  unknownEnum: { reply: withShipment({ events: [{ ...latest, statusCode: 'held-at-customs' }], status: { ...latest, statusCode: 'held-at-customs' } }), raw: 'held-at-customs' },
};
