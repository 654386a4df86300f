import type { LogisticsConnector } from '@interlock/logistics';
import type { ConnectorContractSpec } from '@interlock/testkit';
import { createSendcloudConnector, SENDCLOUD_RATE_LIMITS } from '../../src/index.js';
import { API_KEY, replyOf, WEBHOOK_SECRET } from './recorded.js';

const SHIPMENT_ID = '00000000-0000-4000-8000-000000000002';
const read = replyOf('shipment-get-ready');
// Its contract is `{ data: shipment }`: spread, it makes the broken, drifted and new-status variants.
const shipment = (read.body as { data: Record<string, unknown> }).data;
const parcel = (shipment['parcels'] as Record<string, unknown>[])[0] ?? {};
const withParcel = (changes: Record<string, unknown>) => ({ data: { ...shipment, parcels: [{ ...parcel, ...changes }] } });

/**
 * Everything the shared connector contract suite needs to know about sendcloud. There is no
 * `write`: the suite's write check is one idempotency key across retries, and Sendcloud takes no
 * key (its creates are made safe by `external_reference_id` and a lookup, tested in
 * fixtures.test.ts). The errors any operation can meet are exercised on the read.
 */
export const sendcloudSpec: ConnectorContractSpec<LogisticsConnector> = {
  provider: 'sendcloud',
  credentials: [API_KEY, WEBHOOK_SECRET],
  create: ({ baseUrl, clock, fetch, telemetry }) => createSendcloudConnector({ baseUrl, apiKeys: [API_KEY], webhookSecrets: [WEBHOOK_SECRET], clock, fetch, telemetry }),
  read: { method: 'GET', path: '/v3/shipments/:id', reply: read, call: (connector) => connector.getShipment(SHIPMENT_ID) },
  errors: [
    { name: 'invalid field', kind: 'invalid_request', reply: replyOf('error-invalid-address') },
    { name: 'invalid filter', kind: 'invalid_request', reply: replyOf('error-list-validation') },
    { name: 'invalid API key', kind: 'auth', reply: replyOf('error-invalid-api-key') },
    { name: 'shipment not found', kind: 'not_found', reply: replyOf('error-resource-missing') },
    { name: 'rate limited', kind: 'rate_limited', reply: replyOf('error-rate-limited') },
    { name: 'carrier down', kind: 'unavailable', reply: replyOf('error-service-unavailable') },
    { name: 'cancellation refused', kind: 'conflict', reply: replyOf('error-shipment-not-cancelable') },
    { name: 'shipment body broken', kind: 'contract_violation', reply: { status: 200, body: { data: { id: shipment['id'] } } } },
  ],
  // Reads: 420 a minute on every shipping GET; test/tracking-reads.test.ts holds them under load too.
  limits: { operation: 'read', windows: SENDCLOUD_RATE_LIMITS.read },
  drift: { reply: { status: 200, body: withParcel({ co2_grams: 412 }) } },
  unknownEnum: { reply: { status: 200, body: withParcel({ status: { code: 'AT_CUSTOMS', message: 'At customs' } }) }, raw: 'AT_CUSTOMS' },
};
