import { apiKeysEnv, webhookSecretsEnv } from '../common/webhooks.js';
import type { DomainTemplate, TemplateContext } from '../template.js';
import { webhookBodyFiles, fixtureFiles } from './fixtures.js';
import { connectorFile, endpointsFile, indexFile, operationFiles } from './operations.js';
import { testingFiles } from './testing.js';
import { behaviourTestFiles, contractTestFiles } from './tests.js';
import { transformFiles } from './transform.js';
import { wireFiles } from './wire.js';

/** Each PaymentsConnector member and the stand-in endpoint it calls, for the README. */
const OPERATIONS: readonly (readonly [string, string])[] = [
  ['createPayment', 'POST /v1/payments'],
  ['getPayment', 'GET /v1/payments/{id}'],
  ['listPayments', 'GET /v1/payments (cursor pages)'],
  ['capturePayment', 'POST /v1/payments/{id}/capture'],
  ['cancelPayment', 'POST /v1/payments/{id}/cancel'],
  ['refundPayment', 'POST /v1/refunds'],
  ['listSettlements', 'GET /v1/settlements (cursor pages)'],
  ['parseWebhook', 'a delivery to your webhook endpoint'],
  ['eventsFromVerifiedBody', 'a body the hub verified at ingress'],
];

function readmeUsage({ names }: TemplateContext): string {
  const { camel, packageName, pascal } = names;
  return `## Usage

\`\`\`ts
import { envList, money } from '@interlock/core';
import { create${pascal}Connector } from '${packageName}';

const ${camel} = create${pascal}Connector({
  apiKeys: envList(process.env, '${apiKeysEnv(names)}'),
  webhookSecrets: envList(process.env, '${webhookSecretsEnv(names)}'),
});

const payment = await ${camel}.createPayment({
  amount: money(49_900, 'INR'), // ₹499.00
  captureMethod: 'automatic',
  reference: 'order-1042',
  idempotencyKey: 'order-1042', // the same key on a retry after a crash: never a second charge
});

for await (const line of ${camel}.listSettlements({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 2) })) {
  console.log(line.kind, line.paymentId, line.gross, line.fee, line.net);
}
\`\`\`

It implements \`PaymentsConnector\` from \`@interlock/payments\`; callers get canonical \`Payment\`,
\`Refund\`, \`PaymentEvent\` and \`SettlementLine\` objects and typed \`IntegrationError\`s.

| operation | calls |
| --- | --- |
${OPERATIONS.map(([operation, call]) => `| \`${operation}\` | ${call} |`).join('\n')}`;
}

/** The payments domain: a whole PaymentsConnector against a plain REST stand-in for the provider. */
export const paymentsTemplate: DomainTemplate = {
  name: 'payments',
  plugin: { packageName: '@interlock/payments', exportName: 'paymentsDomain', connectorType: 'PaymentsConnector' },
  description: (names) =>
    `${names.title} connector for Interlock: payments, captures, refunds and settlements normalised to @interlock/payments, with signed webhooks, idempotency keys and the provider's documented limits.`,
  fieldMappings: [
    {
      constant: 'PAYMENT_FIELDS',
      title: 'Payment → Payment',
      inbound: {
        id: 'id',
        amount: 'amount',
        amountCaptured: 'amount_captured',
        amountRefunded: 'amount_refunded',
        currency: 'currency',
        status: 'status',
        reference: 'reference',
        customer: 'customer',
        failureCode: 'failure.code',
        failureMessage: 'failure.message',
        metadata: 'metadata',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      outbound: {
        amount: 'amount',
        currency: 'currency',
        captureMethod: 'capture_method',
        reference: 'reference',
        customer: 'customer',
        customerName: 'customer_details.name',
        customerEmail: 'customer_details.email',
        description: 'description',
        metadata: 'metadata',
      },
    },
    {
      constant: 'REFUND_FIELDS',
      title: 'Refund → Refund',
      inbound: { id: 'id', paymentId: 'payment', amount: 'amount', currency: 'currency', status: 'status', reason: 'reason', createdAt: 'created_at' },
      outbound: { paymentId: 'payment', amount: 'amount', currency: 'currency', reason: 'reason' },
    },
    {
      constant: 'SETTLEMENT_FIELDS',
      title: 'Settlement line → SettlementLine',
      inbound: {
        id: 'id',
        kind: 'type',
        paymentId: 'payment',
        refundId: 'refund',
        gross: 'gross',
        fee: 'fee',
        net: 'net',
        currency: 'currency',
        settledAt: 'settled_at',
      },
      outbound: {},
    },
  ],
  queryParams: { createdFrom: 'created_from', createdTo: 'created_to', settledFrom: 'settled_from', settledTo: 'settled_to' },
  errorKinds: {
    card_declined: 'business_rejected',
    insufficient_funds: 'business_rejected',
    expired_card: 'business_rejected',
    invalid_request: 'invalid_request',
    refund_exceeds_payment: 'invalid_request',
    payment_not_capturable: 'conflict',
    payment_not_cancelable: 'conflict',
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
    'data.field-constants',
    'data.unknown-enum-alert',
    'data.pagination-tested',
  ],
  failureModes: [
    {
      failure: 'Declines (402, or a payment `failed`)',
      shows: "`kind: 'business_rejected'` with the provider's code, or a `Payment` with `status: 'failed'` and `failure`",
      connector: "never retries a decline; a code it does not map is `failure.code: 'unknown'` and reported once as `enum.unknown_value`",
      ask: 'what a surge of one decline code means at this provider, and whom to ask',
      severity: 'P3',
    },
    {
      failure: 'Idempotency conflict (409)',
      shows: "`kind: 'conflict'` on a create, capture, cancel or refund",
      connector: 'sends one Idempotency-Key per operation, kept across its retries; a conflict means a key was reused with another payload',
      ask: 'how to find the first request under that key in the provider\'s dashboard',
      severity: 'P2',
    },
    {
      failure: 'Payment never settles',
      shows: 'the hub\'s poller gives up on a payment and reports it',
      connector: '`getPayment` reads the state whenever webhooks are lost; webhooks are advice, never the only path',
      ask: 'where to look the payment up at the provider, and what to tell the customer',
      severity: 'P2',
    },
    {
      failure: 'Reconciliation difference',
      shows: '`reconciliation.difference` alert naming the payment and both amounts',
      connector: '`listSettlements` reads every line of the period to the last page, with the reporting lag in `src/provider.ts`',
      ask: 'how to ask the provider about a missing or extra settlement line',
      severity: 'P2',
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
