import type { LogisticsConnector } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createSendcloudConnector, SENDCLOUD_RATE_LIMITS } from '../../src/index.js';
import { API_KEY, CREATE_INPUT, replyOf, WEBHOOK_SECRET } from './recorded.js';

const read = replyOf('shipment-get-delivered');
// Its contract is a shipment, an object: spread, it makes the broken, drifted and new-status variants.
const shipment = read.body as Record<string, unknown>;

/** Everything the shared connector contract suite needs to know about sendcloud. */
export const sendcloudSpec: ConnectorContractSpec<LogisticsConnector> = {
  provider: 'sendcloud',
  credentials: [API_KEY, WEBHOOK_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) => createSendcloudConnector({ baseUrl, apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET], clock, fetch, telemetry }),
  read: { method: 'GET', path: '/v1/shipments/:id', reply: read, call: (connector) => connector.getShipment('shp_00000000000001') },
  write: {
    method: 'POST',
    path: '/v1/shipments',
    idempotencyHeader: 'Idempotency-Key',
    reply: replyOf('shipment-create'),
    call: (connector) => connector.createShipment(CREATE_INPUT),
  },
  errors: [
    { name: 'invalid address', kind: 'invalid_request', operation: 'write', reply: replyOf('error-invalid-address') },
    { name: 'invalid API key', kind: 'auth', reply: replyOf('error-invalid-api-key') },
    { name: 'shipment not found', kind: 'not_found', reply: replyOf('error-resource-missing') },
    { name: 'rate limited', kind: 'rate_limited', reply: replyOf('error-rate-limited') },
    { name: 'carrier down', kind: 'unavailable', reply: replyOf('error-service-unavailable') },
    { name: 'shipment body broken', kind: 'contract_violation', reply: { status: 200, body: { id: shipment['id'], object: 'shipment' } } },
  ],
  // Writes: their 15-a-second burst is the tightest documented window, so the suite's 2n + 1 calls
  // stay few; reads at 420 a minute are held by test/tracking-reads.test.ts.
  limits: { operation: 'write', windows: SENDCLOUD_RATE_LIMITS.write },
  drift: { reply: { status: 200, body: { ...shipment, co2_grams: 412 } } },
  unknownEnum: { reply: { status: 200, body: { ...shipment, status: 'held_at_customs' } }, raw: 'held_at_customs' },
};
