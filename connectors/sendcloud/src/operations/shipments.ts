import { assertCarrierCharset, UNICODE, validateCustoms, type CreateShipmentInput, type IdempotentOptions, type Shipment, type ShipmentListFilter } from '@interlock/logistics';
import { LIST_PARAMS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import { toWireInstant } from '../transform/instants.js';
import { toCreateShipmentBody, toShipment } from '../transform/shipment.js';
import { idempotencyOf, type SendcloudContext } from './context.js';
import { mapItems, readPages } from './pages.js';

/** What the carrier prints on a label. Template value: its documented character set (LATIN_1, ASCII_PRINTABLE). */
const LABEL_CHARSET = UNICODE;

/**
 * Buys a label. Customs and the label's characters are checked before any call; the carrier
 * dedupes on the Idempotency-Key, the caller's or one core keeps across the retries. Template
 * value: a carrier without keys wraps the call in core's createOrFind with findShipmentByReference.
 */
export async function createShipment(ctx: SendcloudContext, input: CreateShipmentInput & IdempotentOptions): Promise<Shipment> {
  const context = { provider: SENDCLOUD_PROVIDER, endpoint: 'createShipment' };
  validateCustoms(input, context);
  const body = toCreateShipmentBody(input);
  assertCarrierCharset(body, LABEL_CHARSET, context);
  return toShipment(await ctx.api.call('createShipment', { body, ...idempotencyOf(input) }));
}

export async function getShipment(ctx: SendcloudContext, id: string): Promise<Shipment> {
  return toShipment(await ctx.api.call('getShipment', { pathParams: { id } }));
}

/** A voided label; a parcel the carrier already holds is refused as `conflict`. */
export async function cancelShipment(ctx: SendcloudContext, id: string, options: IdempotentOptions = {}): Promise<Shipment> {
  return toShipment(await ctx.api.call('cancelShipment', { pathParams: { id }, body: {}, ...idempotencyOf(options) }));
}

export function listShipments(ctx: SendcloudContext, filter: ShipmentListFilter = {}): AsyncIterable<Shipment> {
  const query = {
    [LIST_PARAMS.createdFrom]: filter.createdFrom === undefined ? undefined : toWireInstant(filter.createdFrom),
    [LIST_PARAMS.createdTo]: filter.createdTo === undefined ? undefined : toWireInstant(filter.createdTo),
  };
  return mapItems(readPages(ctx, 'listShipments', query), toShipment);
}

/** The shipment an earlier create made under `reference`, read directly rather than from a lagging list. */
export async function findShipmentByReference(ctx: SendcloudContext, reference: string): Promise<Shipment | undefined> {
  for await (const shipment of mapItems(readPages(ctx, 'listShipments', { [LIST_PARAMS.reference]: reference }), toShipment)) {
    if (shipment.reference === reference) return shipment;
  }
  return undefined;
}
