import { createOrFind } from '@interlock/core';
import { assertCarrierCharset, UNICODE, validateCustoms, type CreateShipmentInput, type IdempotentOptions, type Shipment, type ShipmentListFilter } from '@interlock/logistics';
import { LIST_PARAMS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import { toWireIsoTime } from '../transform/instants.js';
import { toCreateShipmentBody, toShipment } from '../transform/shipment.js';
import type { SendcloudContext } from './context.js';
import { mapItems, readPages } from './pages.js';

/**
 * What Sendcloud prints on a label. Its specs document no character set (they take JSON strings
 * and the examples carry "ë" and "’"), so nothing is refused here; a carrier that cannot print a
 * character answers with its own error.
 */
const LABEL_CHARSET = UNICODE;

/**
 * Buys a label with Sendcloud's synchronous announcement. Sendcloud takes no idempotency key; the
 * caller's reference goes out as the `external_reference_id` it keeps unique (a second create
 * under it is refused with 409), and core's createOrFind looks a shipment up by it before any
 * repeat of a create that may have reached Sendcloud, and first of all when the caller passes its
 * own key (a call repeated after a crash). Customs and the label's characters are checked before
 * any call.
 */
export async function createShipment(ctx: SendcloudContext, input: CreateShipmentInput & IdempotentOptions): Promise<Shipment> {
  const context = { provider: SENDCLOUD_PROVIDER, endpoint: 'createShipment' };
  validateCustoms(input, context);
  const body = toCreateShipmentBody(input);
  assertCarrierCharset(body, LABEL_CHARSET, context);
  return createOrFind({
    ...context,
    clock: ctx.clock,
    emit: ctx.api.client.emit,
    create: async () => toShipment((await ctx.api.call('createShipment', { body })).data),
    find: () => findShipmentByReference(ctx, input.reference),
    findFirst: input.idempotencyKey !== undefined,
    ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
  });
}

export async function getShipment(ctx: SendcloudContext, id: string): Promise<Shipment> {
  return toShipment((await ctx.api.call('getShipment', { pathParams: { id } })).data);
}

/**
 * Asks Sendcloud to cancel, then reads the shipment back: the cancel answers only whether it was
 * done (`cancelled`) or queued (`queued`, watched for 14 days), so the shipment's own status says
 * which. A shipment already cancelled, delivered or announced over 42 days ago is refused with 409,
 * a `conflict`. Sendcloud takes no key for it, so a caller's idempotency key has nothing to travel in.
 */
export async function cancelShipment(ctx: SendcloudContext, id: string): Promise<Shipment> {
  await ctx.api.call('cancelShipment', { pathParams: { id }, body: {} });
  return getShipment(ctx, id);
}

/**
 * Shipments created in the window. v3 filters by update and announcement times, not creation:
 * every shipment created since `createdFrom` was updated since then too, so the list asks for
 * those and keeps the ones whose parcels were created inside the window.
 */
export function listShipments(ctx: SendcloudContext, filter: ShipmentListFilter = {}): AsyncIterable<Shipment> {
  const { createdFrom, createdTo } = filter;
  const query = { [LIST_PARAMS.updatedAfter]: createdFrom === undefined ? undefined : toWireIsoTime(createdFrom) };
  const inWindow = (shipment: Shipment): boolean => (createdFrom === undefined || shipment.createdAt >= createdFrom) && (createdTo === undefined || shipment.createdAt < createdTo);
  return mapItems(readPages(ctx, 'listShipments', query), toShipment, inWindow);
}

/** The shipment an earlier create made under `reference`: GET /shipments filtered by the `external_reference_id` it was sent as. */
export async function findShipmentByReference(ctx: SendcloudContext, reference: string): Promise<Shipment | undefined> {
  for await (const shipment of mapItems(readPages(ctx, 'listShipments', { [LIST_PARAMS.externalReference]: reference }), toShipment)) {
    if (shipment.reference === reference) return shipment;
  }
  return undefined;
}
