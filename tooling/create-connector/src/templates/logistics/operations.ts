import type { GeneratedFile, TemplateContext } from '../template.js';

/** src/endpoints.ts: every endpoint as data, with the contract its answer is parsed by. */
export function endpointsFile({ names }: TemplateContext): GeneratedFile {
  const { camel, constant, pascal } = names;
  return {
    path: 'src/endpoints.ts',
    content: `import type { Contract, ContractEndpoint } from '@interlock/core';
import type { z } from 'zod';
import { ${constant}_RATE_LIMITS } from './limits.js';
import { rateListContract } from './wire/rate.js';
import { shipmentContract, shipmentListContract } from './wire/shipment.js';
import { trackingListContract } from './wire/tracking.js';

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

/** Every endpoint the connector calls, by the name errors and telemetry carry. Template value: the carrier's paths. */
export const ${camel}Endpoints = {
  // A quote changes nothing at the carrier: retried freely, with no key.
  quoteRates: { ...write('/v1/rates', rateListContract), idempotent: true, idempotencyHeader: false },
  createShipment: write('/v1/shipments', shipmentContract),
  getShipment: read('/v1/shipments/{id}', shipmentContract),
  listShipments: read('/v1/shipments', shipmentListContract),
  cancelShipment: write('/v1/shipments/{id}/cancel', shipmentContract),
  track: read('/v1/tracking', trackingListContract),
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
      path: 'src/operations/rates.ts',
      content: `import type { Rate, RateRequest } from '@interlock/logistics';
import { toRate, toRateRequestBody } from '../transform/rate.js';
import type { ${context} } from './context.js';

/** Prices from the carrier, every time: the hub's RateCache decides how long to keep them. */
export async function quoteRates(ctx: ${context}, request: RateRequest): Promise<Rate[]> {
  const page = await ctx.api.call('quoteRates', { body: toRateRequestBody(request) });
  const quotedAt = ctx.clock.now();
  return page.data.map((rate) => toRate(rate, quotedAt));
}
`,
    },
    {
      path: 'src/operations/shipments.ts',
      content: `import { assertCarrierCharset, UNICODE, validateCustoms, type CreateShipmentInput, type IdempotentOptions, type Shipment, type ShipmentListFilter } from '@interlock/logistics';
import { LIST_PARAMS } from '../fields.js';
import { ${constant}_PROVIDER } from '../provider.js';
import { toWireInstant } from '../transform/instants.js';
import { toCreateShipmentBody, toShipment } from '../transform/shipment.js';
import { idempotencyOf, type ${context} } from './context.js';
import { mapItems, readPages } from './pages.js';

/** What the carrier prints on a label. Template value: its documented character set (LATIN_1, ASCII_PRINTABLE). */
const LABEL_CHARSET = UNICODE;

/**
 * Buys a label. Customs and the label's characters are checked before any call; the carrier
 * dedupes on the Idempotency-Key, the caller's or one core keeps across the retries. Template
 * value: a carrier without keys wraps the call in core's createOrFind with findShipmentByReference.
 */
export async function createShipment(ctx: ${context}, input: CreateShipmentInput & IdempotentOptions): Promise<Shipment> {
  const context = { provider: ${constant}_PROVIDER, endpoint: 'createShipment' };
  validateCustoms(input, context);
  const body = toCreateShipmentBody(input);
  assertCarrierCharset(body, LABEL_CHARSET, context);
  return toShipment(await ctx.api.call('createShipment', { body, ...idempotencyOf(input) }));
}

export async function getShipment(ctx: ${context}, id: string): Promise<Shipment> {
  return toShipment(await ctx.api.call('getShipment', { pathParams: { id } }));
}

/** A voided label; a parcel the carrier already holds is refused as \`conflict\`. */
export async function cancelShipment(ctx: ${context}, id: string, options: IdempotentOptions = {}): Promise<Shipment> {
  return toShipment(await ctx.api.call('cancelShipment', { pathParams: { id }, body: {}, ...idempotencyOf(options) }));
}

export function listShipments(ctx: ${context}, filter: ShipmentListFilter = {}): AsyncIterable<Shipment> {
  const query = {
    [LIST_PARAMS.createdFrom]: filter.createdFrom === undefined ? undefined : toWireInstant(filter.createdFrom),
    [LIST_PARAMS.createdTo]: filter.createdTo === undefined ? undefined : toWireInstant(filter.createdTo),
  };
  return mapItems(readPages(ctx, 'listShipments', query), toShipment);
}

/** The shipment an earlier create made under \`reference\`, read directly rather than from a lagging list. */
export async function findShipmentByReference(ctx: ${context}, reference: string): Promise<Shipment | undefined> {
  for await (const shipment of mapItems(readPages(ctx, 'listShipments', { [LIST_PARAMS.reference]: reference }), toShipment)) {
    if (shipment.reference === reference) return shipment;
  }
  return undefined;
}
`,
    },
    {
      path: 'src/operations/tracking.ts',
      content: `import { readCall, type ReadOptions } from '@interlock/core';
import type { TrackingResult } from '@interlock/logistics';
import { LIST_PARAMS } from '../fields.js';
import { toTrackingResult } from '../transform/tracking.js';
import type { ${context} } from './context.js';

/** Numbers per tracking call. Template value: the carrier's documented maximum. */
const BATCH = 50;

/**
 * One result per number asked, in order: a number the carrier does not know is a \`found: false\`
 * result beside the others, and one it left out of its answer is reported as a broken contract.
 */
export async function track(ctx: ${context}, trackingNumbers: readonly string[], options: ReadOptions = {}): Promise<TrackingResult[]> {
  const results = new Map<string, TrackingResult>();
  for (let start = 0; start < trackingNumbers.length; start += BATCH) {
    const batch = trackingNumbers.slice(start, start + BATCH);
    const page = await ctx.api.call('track', { query: { [LIST_PARAMS.trackingNumbers]: batch.join(',') }, ...readCall(options) });
    const receivedAt = ctx.clock.now();
    for (const wire of page.data) results.set(wire.tracking_number, toTrackingResult(wire, receivedAt));
  }
  return trackingNumbers.map(
    (trackingNumber): TrackingResult =>
      results.get(trackingNumber) ?? { trackingNumber, found: false, error: { kind: 'contract_violation', reason: 'result_missing', message: 'the carrier returned no result for this number' } },
  );
}
`,
    },
    {
      path: 'src/operations/webhooks.ts',
      content: `import { assertAuthentic, identifyEvent, IntegrationError, verifiedBodyJson, type Contract } from '@interlock/core';
import type { LogisticsEvent, WebhookDelivery } from '@interlock/logistics';
import type { z } from 'zod';
import { ${constant}_PROVIDER } from '../provider.js';
import { toLogisticsEvents } from '../transform/event.js';
import { webhookIntake } from '../webhooks.js';
import { eventContract } from '../wire/event.js';
import { shipmentContract } from '../wire/shipment.js';
import { trackingContract } from '../wire/tracking.js';
import type { ${context} } from './context.js';

const ENDPOINT = 'webhook';

function malformed(why: string): IntegrationError {
  return new IntegrationError('contract_violation', ${constant}_PROVIDER + ' webhook: ' + why, {
    provider: ${constant}_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'malformed_event',
    requestMayHaveReachedProvider: false,
  });
}

/** A verified event as canonical events, every object parsed by its contract with drift reported through the client. */
function toEvents(ctx: ${context}, body: unknown, eventId: string): LogisticsEvent[] {
  const parse = <S extends z.ZodTypeAny>(contract: Contract<S>, value: unknown): z.output<S> => ctx.api.parseObject(contract, value, ENDPOINT);
  const parsers = { tracking: (object: unknown) => parse(trackingContract, object), shipment: (object: unknown) => parse(shipmentContract, object) };
  return toLogisticsEvents(parse(eventContract, body), eventId, parsers, ctx.clock.now());
}

/**
 * Verifies first (the signature, and its signed timestamp against the replay window), then reads
 * the event where the intake says its id is. Nothing of an unverified body is looked at.
 */
export function parseWebhook(ctx: ${context}, delivery: WebhookDelivery): LogisticsEvent[] {
  assertAuthentic(webhookIntake, ${constant}_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(${constant}_PROVIDER, delivery.rawBody);
  const identity = identifyEvent(webhookIntake, ${constant}_PROVIDER, body, delivery.headers);
  if (identity === undefined) throw malformed('a signed event without an id or a type');
  return toEvents(ctx, body, identity.eventId);
}

/** A body whose signature was checked earlier (by the hub's ingress), read the same way without the replay window. */
export function eventsFromVerifiedBody(ctx: ${context}, rawBody: string, eventId: string): LogisticsEvent[] {
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
import type { LogisticsConnector } from '@interlock/logistics';
import { create${pascal}Client } from './client.js';
import type { ${pascal}Context } from './operations/context.js';
import { quoteRates } from './operations/rates.js';
import { cancelShipment, createShipment, findShipmentByReference, getShipment, listShipments } from './operations/shipments.js';
import { track } from './operations/tracking.js';
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
export function create${pascal}Connector(options: ${pascal}ConnectorOptions): LogisticsConnector {
  // Without a secret every delivery would be refused, which looks like an attack rather than a setup mistake.
  if (options.webhookSecrets.length === 0) throw new TypeError(${constant}_PROVIDER + ': at least one webhook secret is required');
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
    quoteRates: (request) => quoteRates(ctx, request),
    createShipment: (input) => createShipment(ctx, input),
    cancelShipment: (id, cancelOptions) => cancelShipment(ctx, id, cancelOptions),
    getShipment: (id) => getShipment(ctx, id),
    findShipmentByReference: (reference) => findShipmentByReference(ctx, reference),
    track: (trackingNumbers, options) => track(ctx, trackingNumbers, options),
    listShipments: (filter) => listShipments(ctx, filter),
    parseWebhook: (delivery) => parseWebhook(ctx, delivery),
    eventsFromVerifiedBody: (rawBody, eventId) => eventsFromVerifiedBody(ctx, rawBody, eventId),
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
export { ${constant}_TIME_ZONE, fromWireLocalTime } from './transform/instants.js';
export { STATUS_MAP } from './transform/status.js';
export { toAddress, toWireAddress } from './transform/address.js';
export { toParcel, toWireCustoms, toWireParcel } from './transform/parcel.js';
export { toCreateShipmentBody, toShipment } from './transform/shipment.js';
export { toRate, toRateRequestBody } from './transform/rate.js';
export { toTrackingEvent, toTrackingResult } from './transform/tracking.js';
export { toLogisticsEvents } from './transform/event.js';
export * from './wire/index.js';
`,
  };
}
