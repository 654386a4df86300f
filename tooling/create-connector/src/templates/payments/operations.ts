import type { GeneratedFile, TemplateContext } from '../template.js';

/** src/endpoints.ts: every endpoint as data, with the contract its answer is parsed by. */
export function endpointsFile({ names }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal } = names;
  return {
    path: 'src/endpoints.ts',
    content: `import type { Contract, ContractEndpoint } from '@interlock/core';
import type { z } from 'zod';
import { ${constant}_RATE_LIMITS } from './limits.js';
import { paymentContract, paymentListContract } from './wire/payment.js';
import { refundContract } from './wire/refund.js';
import { settlementListContract } from './wire/settlement.js';

const read = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'GET',
  path,
  rateLimits: ${constant}_RATE_LIMITS.read,
  response,
});

// POSTs carry core's Idempotency-Key: one per operation, kept across its retries.
const write = <S extends z.ZodTypeAny>(path: string, response: Contract<S>): ContractEndpoint<S> => ({
  method: 'POST',
  path,
  rateLimits: ${constant}_RATE_LIMITS.write,
  response,
});

/** Every endpoint the connector calls, by the name errors and telemetry carry. Template value: the provider's paths. */
export const ${camel}Endpoints = {
  createPayment: write('/v1/payments', paymentContract),
  getPayment: read('/v1/payments/{id}', paymentContract),
  listPayments: read('/v1/payments', paymentListContract),
  capturePayment: write('/v1/payments/{id}/capture', paymentContract),
  cancelPayment: write('/v1/payments/{id}/cancel', paymentContract),
  createRefund: write('/v1/refunds', refundContract),
  listSettlements: read('/v1/settlements', settlementListContract),
} as const;

export type ${pascal}Endpoints = typeof ${camel}Endpoints;

export type ${pascal}Endpoint = keyof ${pascal}Endpoints;
`,
  };
}

/** src/operations/<capability>.ts: one file per capability, each a request and a transform. */
export function operationFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant, pascal } = names;
  const context = `${pascal}Context`;
  return [
    {
      path: 'src/operations/payments.ts',
      content: `import { readCall, type ReadOptions } from '@interlock/core';
import type { CaptureOptions, CreatePaymentInput, IdempotentOptions, Payment, PaymentListFilter } from '@interlock/payments';
import { LIST_PARAMS } from '../fields.js';
import { toWireInstant } from '../transform/instants.js';
import { toCaptureBody, toCreatePaymentBody, toPayment } from '../transform/payment.js';
import { idempotencyOf, type ${context} } from './context.js';
import { mapItems, readPages } from './pages.js';

export async function createPayment(ctx: ${context}, input: CreatePaymentInput & IdempotentOptions): Promise<Payment> {
  return toPayment(await ctx.api.call('createPayment', { body: toCreatePaymentBody(input), ...idempotencyOf(input) }));
}

export async function getPayment(ctx: ${context}, id: string, options: ReadOptions = {}): Promise<Payment> {
  return toPayment(await ctx.api.call('getPayment', { pathParams: { id }, ...readCall(options) }));
}

export async function capturePayment(ctx: ${context}, id: string, options: CaptureOptions = {}): Promise<Payment> {
  return toPayment(await ctx.api.call('capturePayment', { pathParams: { id }, body: toCaptureBody(options), ...idempotencyOf(options) }));
}

export async function cancelPayment(ctx: ${context}, id: string, options: IdempotentOptions = {}): Promise<Payment> {
  return toPayment(await ctx.api.call('cancelPayment', { pathParams: { id }, body: {}, ...idempotencyOf(options) }));
}

export function listPayments(ctx: ${context}, filter: PaymentListFilter = {}): AsyncIterable<Payment> {
  const query = {
    [LIST_PARAMS.createdFrom]: filter.createdFrom === undefined ? undefined : toWireInstant(filter.createdFrom),
    [LIST_PARAMS.createdTo]: filter.createdTo === undefined ? undefined : toWireInstant(filter.createdTo),
  };
  return mapItems(readPages(ctx, 'listPayments', query), toPayment);
}
`,
    },
    {
      path: 'src/operations/refunds.ts',
      content: `import type { Refund, RefundOptions } from '@interlock/payments';
import { toCreateRefundBody, toRefund } from '../transform/refund.js';
import { idempotencyOf, type ${context} } from './context.js';

export async function refundPayment(ctx: ${context}, paymentId: string, options: RefundOptions = {}): Promise<Refund> {
  return toRefund(await ctx.api.call('createRefund', { body: toCreateRefundBody(paymentId, options), ...idempotencyOf(options) }));
}
`,
    },
    {
      path: 'src/operations/settlements.ts',
      content: `import type { SettlementLine, SettlementPeriod } from '@interlock/payments';
import { LIST_PARAMS } from '../fields.js';
import { toWireInstant } from '../transform/instants.js';
import { toSettlementLine } from '../transform/settlement.js';
import type { ${context} } from './context.js';
import { mapItems, readPages } from './pages.js';

/** Every line settled in the period, to the last page. */
export function listSettlements(ctx: ${context}, period: SettlementPeriod): AsyncIterable<SettlementLine> {
  const query = { [LIST_PARAMS.settledFrom]: toWireInstant(period.from), [LIST_PARAMS.settledTo]: toWireInstant(period.to) };
  return mapItems(readPages(ctx, 'listSettlements', query), toSettlementLine);
}
`,
    },
    {
      path: 'src/operations/webhooks.ts',
      content: `import { assertAuthentic, identifyEvent, IntegrationError, verifiedBodyJson, type Contract } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import type { z } from 'zod';
import { ${constant}_PROVIDER } from '../provider.js';
import { toPaymentEvents } from '../transform/event.js';
import { webhookIntake } from '../webhooks.js';
import { eventContract } from '../wire/event.js';
import { paymentContract } from '../wire/payment.js';
import { refundContract } from '../wire/refund.js';
import type { ${context} } from './context.js';

const ENDPOINT = 'webhook';

function malformed(why: string): IntegrationError {
  return new IntegrationError('contract_violation', \`\${${constant}_PROVIDER} webhook: \${why}\`, {
    provider: ${constant}_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'malformed_event',
    requestMayHaveReachedProvider: false,
  });
}

/** A verified event as canonical events, every object parsed by its contract with drift reported through the client. */
function toEvents(ctx: ${context}, body: unknown, eventId: string): PaymentEvent[] {
  const parse = <S extends z.ZodTypeAny>(contract: Contract<S>, value: unknown): z.output<S> => ctx.api.parseObject(contract, value, ENDPOINT);
  return toPaymentEvents(parse(eventContract, body), eventId, {
    payment: (object) => parse(paymentContract, object),
    refund: (object) => parse(refundContract, object),
  });
}

/**
 * Verifies first (the signature, and its signed timestamp against the replay window), then reads
 * the event where the intake says its id is. Nothing of an unverified body is looked at.
 */
export function parseWebhook(ctx: ${context}, delivery: WebhookDelivery): PaymentEvent[] {
  assertAuthentic(webhookIntake, ${constant}_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(${constant}_PROVIDER, delivery.rawBody);
  const identity = identifyEvent(webhookIntake, ${constant}_PROVIDER, body, delivery.headers);
  if (identity === undefined) throw malformed('a signed event without an id or a type');
  return toEvents(ctx, body, identity.eventId);
}

/** A body whose signature was checked earlier (by the hub's ingress), read the same way without the replay window. */
export function eventsFromVerifiedBody(ctx: ${context}, rawBody: string, eventId: string): PaymentEvent[] {
  return toEvents(ctx, verifiedBodyJson(${constant}_PROVIDER, rawBody), eventId);
}
`,
    },
  ];
}

/** src/connector.ts: builds the client and the context, then only delegates. */
export function connectorFile({ names }: TemplateContext): GeneratedFile {
  const { constant, pascal, title } = names;
  return {
    path: 'src/connector.ts',
    content: `import { systemClock, type Clock, type TelemetrySink } from '@interlock/core';
import type { PaymentsConnector } from '@interlock/payments';
import { create${pascal}Client } from './client.js';
import type { ${pascal}Context } from './operations/context.js';
import { cancelPayment, capturePayment, createPayment, getPayment, listPayments } from './operations/payments.js';
import { refundPayment } from './operations/refunds.js';
import { listSettlements } from './operations/settlements.js';
import { eventsFromVerifiedBody, parseWebhook } from './operations/webhooks.js';
import { ${constant}_API_BASE_URL, ${constant}_PROVIDER } from './provider.js';

export interface ${pascal}ConnectorOptions {
  /** One API key, or two while one is rotated. */
  apiKeys: readonly string[];
  /** The webhook secrets deliveries are verified with: one, or two while one is rotated. */
  webhookSecrets: readonly string[];
  /** Default the production API; a sandbox or a simulator's URL otherwise. */
  baseUrl?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  telemetry?: readonly TelemetrySink[];
}

/**
 * The ${title} connector. Wiring only: requests, retries, limits, breakers, idempotency,
 * telemetry and redaction are core's; each capability is one file in operations/.
 */
export function create${pascal}Connector(options: ${pascal}ConnectorOptions): PaymentsConnector {
  // Without a secret every delivery would be refused, which looks like an attack rather than a setup mistake.
  if (options.webhookSecrets.length === 0) throw new TypeError(\`\${${constant}_PROVIDER}: at least one webhook secret is required\`);
  const clock = options.clock ?? systemClock;
  const api = create${pascal}Client({
    baseUrl: options.baseUrl ?? ${constant}_API_BASE_URL,
    apiKeys: options.apiKeys,
    clock,
    telemetry: options.telemetry ?? [],
    alsoRedact: options.webhookSecrets,
    fetch: options.fetch,
  });
  const ctx: ${pascal}Context = { api, clock, webhookSecrets: [...options.webhookSecrets] };
  return {
    provider: ${constant}_PROVIDER,
    createPayment: (input) => createPayment(ctx, input),
    capturePayment: (id, captureOptions) => capturePayment(ctx, id, captureOptions),
    cancelPayment: (id, cancelOptions) => cancelPayment(ctx, id, cancelOptions),
    getPayment: (id, options) => getPayment(ctx, id, options),
    listPayments: (filter) => listPayments(ctx, filter),
    refundPayment: (paymentId, refundOptions) => refundPayment(ctx, paymentId, refundOptions),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => eventsFromVerifiedBody(ctx, rawBody, eventId),
    listSettlements: (period) => listSettlements(ctx, period),
  };
}
`,
  };
}

/** src/index.ts: the public API, the descriptor first. */
export function indexFile({ names }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal } = names;
  return {
    path: 'src/index.ts',
    content: `export { descriptor, ${camel}ConfigSchema, type ${pascal}Config } from './descriptor.js';
export { create${pascal}Connector, type ${pascal}ConnectorOptions } from './connector.js';
export { create${pascal}Client, type ${pascal}Api } from './client.js';
export { ${camel}Endpoints, type ${pascal}Endpoint, type ${pascal}Endpoints } from './endpoints.js';
export { ${constant}_API_BASE_URL, ${constant}_API_VERSION, ${constant}_PROVIDER, ${constant}_REPORTING_LAG_MS } from './provider.js';
export { ${constant}_RATE_LIMITS, type ${pascal}RateLimits } from './limits.js';
export { ${constant}_ERROR_KINDS, ${camel}ErrorTable } from './errors.js';
export { ${constant}_FIELD_MAPPINGS, LIST_PARAMS } from './fields.js';
export { webhookIntake, webhookScheme } from './webhooks.js';
export { fromWireAmount, toWireAmount } from './transform/money.js';
export { FAILURE_CODE_MAP, PAYMENT_STATUS_MAP, toPayment } from './transform/payment.js';
export { REFUND_STATUS_MAP, toRefund } from './transform/refund.js';
export { SETTLEMENT_KIND_MAP, toSettlementLine } from './transform/settlement.js';
export { toPaymentEvents } from './transform/event.js';
export * from './wire/index.js';
`,
  };
}
