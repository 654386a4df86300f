import { apiKeysEnv, webhookSecretsEnv } from '../common/webhooks.js';
import type { DomainTemplate, TemplateContext } from '../template.js';
import { fixtureFiles, webhookBodyFiles } from './fixtures.js';
import { connectorFile, endpointsFile, indexFile, operationFiles } from './operations.js';
import { testingFiles } from './testing.js';
import { behaviourTestFiles, contractTestFiles } from './tests.js';
import { transformFiles } from './transform.js';
import { wireFiles } from './wire.js';

/** Each LogisticsConnector member and the stand-in endpoint it calls, for the README. */
const OPERATIONS: readonly (readonly [string, string])[] = [
  ['quoteRates', 'POST /v1/rates'],
  ['createShipment', 'POST /v1/shipments'],
  ['getShipment', 'GET /v1/shipments/{id}'],
  ['findShipmentByReference', 'GET /v1/shipments?reference='],
  ['listShipments', 'GET /v1/shipments (cursor pages)'],
  ['cancelShipment', 'POST /v1/shipments/{id}/cancel'],
  ['track', 'GET /v1/tracking?tracking_numbers= (batches of 50)'],
  ['parseWebhook', 'a delivery to your webhook endpoint'],
  ['eventsFromVerifiedBody', 'a body the hub verified at ingress'],
];

function readmeUsage({ names }: TemplateContext): string {
  const { camel, packageName, pascal } = names;
  return `## Usage

\`\`\`ts
import { envList, weight } from '@interlock/core';
import { create${pascal}Connector } from '${packageName}';

const ${camel} = create${pascal}Connector({
  apiKeys: envList(process.env, '${apiKeysEnv(names)}'),
  webhookSecrets: envList(process.env, '${webhookSecretsEnv(names)}'),
});

const from = { name: 'Warehouse', company: 'Müller GmbH', lines: ['Teststraat 1'], postalCode: '1011 AB', city: 'Amsterdam', country: 'NL' };
const to = { name: 'Customer', lines: ['Zakładowa 7'], postalCode: '90-001', city: 'Łódź', country: 'PL' };
const parcels = [{ weight: weight(500, 'g') }];

const [cheapest] = await ${camel}.quoteRates({ from, to, parcels });
const shipment = await ${camel}.createShipment({
  from,
  to,
  parcels,
  service: cheapest.service,
  reference: 'order-1042',
  idempotencyKey: 'order-1042', // the same key on a retry after a crash: never a second label
});

for (const result of await ${camel}.track(shipment.trackingNumbers)) {
  if (result.found) console.log(result.trackingNumber, result.tracks[0].status);
}
\`\`\`

It implements \`LogisticsConnector\` from \`@interlock/logistics\`; callers get canonical \`Rate\`,
\`Shipment\`, \`Track\` and \`LogisticsEvent\` objects and typed \`IntegrationError\`s. Across a customs
border the declaration is validated before any call; a character the carrier cannot print is
refused, never mangled. Scan times arrive without an offset and are resolved in the carrier's
zone (\`src/transform/instants.ts\`). In the hub, rates and tracking go through its
\`RateCache\` and \`TrackingCache\`.

| operation | calls |
| --- | --- |
${OPERATIONS.map(([operation, call]) => `| \`${operation}\` | ${call} |`).join('\n')}`;
}

/** The carrier's address fields, the same both ways. */
const ADDRESS_PATHS = {
  name: 'name',
  company: 'company',
  line1: 'address_line_1',
  line2: 'address_line_2',
  houseNumber: 'house_number',
  postalCode: 'postal_code',
  city: 'city',
  stateCode: 'state_code',
  country: 'country_code',
  phone: 'phone',
  email: 'email',
} as const;

/** The logistics domain: a whole LogisticsConnector against a plain REST stand-in for the carrier. */
export const logisticsTemplate: DomainTemplate = {
  name: 'logistics',
  plugin: { packageName: '@interlock/logistics', exportName: 'logisticsDomain', connectorType: 'LogisticsConnector' },
  description: (names) =>
    `${names.title} connector for Interlock: rates, labels, cancellations and tracking normalised to @interlock/logistics, with signed webhooks, idempotency keys and the carrier's documented limits.`,
  fieldMappings: [
    {
      constant: 'SHIPMENT_FIELDS',
      title: 'Shipment → Shipment',
      inbound: {
        id: 'id',
        reference: 'reference',
        carrier: 'carrier',
        service: 'service',
        status: 'status',
        trackingNumbers: 'tracking_numbers',
        from: 'from_address',
        to: 'to_address',
        parcels: 'parcels',
        labelFormat: 'label.format',
        labelUrl: 'label.url',
        priceAmount: 'price.amount',
        priceCurrency: 'price.currency',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      outbound: { reference: 'reference', service: 'service', from: 'from_address', to: 'to_address', parcels: 'parcels', customs: 'customs', labelFormat: 'label_format' },
    },
    {
      constant: 'ADDRESS_FIELDS',
      title: 'Address → Address',
      inbound: ADDRESS_PATHS,
      outbound: ADDRESS_PATHS,
    },
    {
      constant: 'PARCEL_FIELDS',
      title: 'Parcel → Parcel',
      inbound: { weight: 'weight', weightUnit: 'weight_unit' },
      outbound: { weight: 'weight', weightUnit: 'weight_unit', length: 'length', width: 'width', height: 'height', dimensionUnit: 'dimension_unit' },
    },
    {
      constant: 'CUSTOMS_FIELDS',
      title: 'Customs → customs declaration',
      inbound: {},
      outbound: { contentsType: 'contents_type', incoterm: 'incoterm', exporterEori: 'exporter_eori', importerEori: 'importer_eori', invoiceNumber: 'invoice_number', items: 'items' },
    },
    {
      constant: 'CUSTOMS_ITEM_FIELDS',
      title: 'CustomsItem → declaration line',
      inbound: {},
      outbound: { description: 'description', hsCode: 'hs_code', quantity: 'quantity', value: 'value', currency: 'currency', weight: 'weight', originCountry: 'origin_country' },
    },
    {
      constant: 'RATE_FIELDS',
      title: 'Rate → Rate',
      inbound: { carrier: 'carrier', service: 'service', serviceName: 'service_name', amount: 'amount', currency: 'currency', transitDays: 'transit_days', validUntil: 'valid_until' },
      outbound: { from: 'from_address', to: 'to_address', parcels: 'parcels', services: 'services', customs: 'customs' },
    },
    {
      constant: 'TRACKING_FIELDS',
      title: 'Tracking → TrackingResult',
      inbound: { trackingNumber: 'tracking_number', found: 'found', events: 'events' },
      outbound: {},
    },
    {
      constant: 'TRACKING_EVENT_FIELDS',
      title: 'Scan → TrackingEvent',
      inbound: { code: 'code', description: 'description', city: 'location.city', postalCode: 'location.postal_code', country: 'location.country_code', occurredAt: 'occurred_at' },
      outbound: {},
    },
  ],
  queryParams: { createdFrom: 'created_from', createdTo: 'created_to', reference: 'reference', trackingNumbers: 'tracking_numbers' },
  errorKinds: {
    invalid_address: 'invalid_request',
    invalid_request: 'invalid_request',
    unsupported_service: 'invalid_request',
    shipment_not_cancelable: 'conflict',
    idempotency_key_reused: 'conflict',
    invalid_api_key: 'auth',
    resource_missing: 'not_found',
    rate_limited: 'rate_limited',
    service_unavailable: 'unavailable',
  },
  capabilities: [
    'auth.secrets-store',
    'auth.webhook-signature-tested',
    'limits.per-endpoint',
    'limits.burst-sustained',
    'webhooks.verify-every-event',
    'webhooks.polling-fallback',
    'data.field-constants',
    'data.timezones-tested',
    'data.unknown-enum-alert',
    'data.pagination-tested',
  ],
  failureModes: [
    {
      failure: 'Address or customs refused',
      shows: "`kind: 'invalid_request'` with `invalid_address`, `customs_required`, `customs_invalid` or `unsupported_characters`",
      connector: 'checks customs and the label\'s characters before any call; never retries a refusal; names fields, never the address',
      ask: 'who corrects the order data, and which characters this carrier prints',
      severity: 'P3',
    },
    {
      failure: 'Duplicate label (409 on create)',
      shows: "`kind: 'conflict'` on `createShipment`",
      connector: 'sends one Idempotency-Key per label, kept across its retries; a conflict means a key was reused with another shipment',
      ask: 'how to find the first label under that key and void the other at the carrier',
      severity: 'P2',
    },
    {
      failure: 'Parcel never reaches a final status',
      shows: "the hub's poller gives up on a tracking number and reports it",
      connector: '`track` is polled as the source of truth whatever webhooks say; an unknown code stays raw and is alerted',
      ask: 'how to open a trace with the carrier, and what to tell the customer',
      severity: 'P2',
    },
    {
      failure: 'Scan times off by hours',
      shows: 'tracking events out of order around a DST change, or in the future',
      connector: 'resolves zone-less times in the zone in `src/transform/instants.ts` (gap: shifted forward; overlap: the earlier)',
      ask: 'which zone the carrier really writes its times in, per country',
      severity: 'P3',
    },
  ],
  readmeUsage,
  files: (context) => [
    endpointsFile(context),
    connectorFile(context),
    indexFile(context),
    ...operationFiles(context),
    ...wireFiles(context),
    ...transformFiles(context),
    ...testingFiles(context),
    ...fixtureFiles(context),
    ...webhookBodyFiles(),
    ...contractTestFiles(context),
    ...behaviourTestFiles(context),
  ],
};
