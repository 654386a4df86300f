import { exchangeFixtures, type Exchange } from '../common/fixtures.js';
import { jsonText } from '../render.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { CANCELED, CREATED, CREATED_AT, DAY, DELIVERED, RATES, sampleEvent, SECOND, TRACKING, UNKNOWN_NUMBER } from './samples.js';

const PAGE = { limit: '100' };
const createdWindow = { created_from: String(CREATED_AT), created_to: String(CREATED_AT + DAY) };
const list = (data: readonly unknown[], hasMore: boolean) => ({ object: 'list', data, has_more: hasMore });
const error = (code: string, message: string) => ({ error: { code, message } });

/** The successful exchanges, one per endpoint, and a list read over two pages. */
const EXCHANGES: readonly Exchange[] = [
  { name: 'rates-quote', method: 'POST', path: '/v1/rates', idempotent: true, status: 200, response: list(RATES, false), contract: 'rate_list' },
  { name: 'shipment-create', method: 'POST', path: '/v1/shipments', status: 200, response: CREATED, contract: 'shipment' },
  { name: 'shipment-get-delivered', method: 'GET', path: `/v1/shipments/${DELIVERED.id}`, status: 200, response: DELIVERED, contract: 'shipment' },
  { name: 'shipment-cancel', method: 'POST', path: `/v1/shipments/${CANCELED.id}/cancel`, body: {}, status: 200, response: CANCELED, contract: 'shipment' },
  { name: 'shipments-list-page-1', method: 'GET', path: '/v1/shipments', query: { ...PAGE, ...createdWindow }, status: 200, response: list([CREATED], true), contract: 'shipment_list' },
  {
    name: 'shipments-list-page-2',
    method: 'GET',
    path: '/v1/shipments',
    query: { ...PAGE, ...createdWindow, starting_after: CREATED.id },
    status: 200,
    response: list([SECOND], false),
    contract: 'shipment_list',
  },
  {
    name: 'tracking-batch',
    method: 'GET',
    path: '/v1/tracking',
    query: { tracking_numbers: `${TRACKING.tracking_number},${UNKNOWN_NUMBER.tracking_number}` },
    status: 200,
    response: list([TRACKING, UNKNOWN_NUMBER], false),
    contract: 'tracking_list',
  },
];

/** One recorded failure per documented kind, on the write or the read the contract suite replays it for. */
const FAILURES: readonly Exchange[] = [
  { name: 'error-invalid-address', method: 'POST', path: '/v1/shipments', status: 422, response: error('invalid_address', 'The postal code does not match the city.'), contract: 'error' },
  { name: 'error-idempotency-key-reused', method: 'POST', path: '/v1/shipments', status: 409, response: error('idempotency_key_reused', 'This key was used with other parameters.'), contract: 'error' },
  { name: 'error-shipment-not-cancelable', method: 'POST', path: `/v1/shipments/${DELIVERED.id}/cancel`, status: 409, response: error('shipment_not_cancelable', 'The carrier already has this parcel.'), contract: 'error' },
  { name: 'error-invalid-api-key', method: 'GET', path: `/v1/shipments/${DELIVERED.id}`, status: 401, response: error('invalid_api_key', 'Invalid API key.'), contract: 'error' },
  { name: 'error-resource-missing', method: 'GET', path: '/v1/shipments/shp_missing', status: 404, response: error('resource_missing', 'No such shipment.'), contract: 'error' },
  { name: 'error-rate-limited', method: 'GET', path: `/v1/shipments/${DELIVERED.id}`, status: 429, headers: { 'retry-after': '1' }, response: error('rate_limited', 'Too many requests.'), contract: 'error' },
  { name: 'error-service-unavailable', method: 'GET', path: `/v1/shipments/${DELIVERED.id}`, status: 503, response: error('service_unavailable', 'Try again later.'), contract: 'error' },
];

/** test/fixtures/*.json: the exchanges and the failures, in testkit's fixture format. */
export function fixtureFiles(context: TemplateContext): GeneratedFile[] {
  return exchangeFixtures(context, [...EXCHANGES, ...FAILURES]);
}

/** test/webhooks/*.json: event bodies as the carrier sends them, for the webhook tests. */
export function webhookBodyFiles(): GeneratedFile[] {
  return [
    { path: 'test/webhooks/tracking-delivered.json', content: jsonText(sampleEvent(1, 'tracking.updated', TRACKING, CREATED_AT + DAY)) },
    { path: 'test/webhooks/shipment-created.json', content: jsonText(sampleEvent(2, 'shipment.created', CREATED, CREATED_AT)) },
  ];
}
