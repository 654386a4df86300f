import { createOrFind, isIntegrationError } from '@interlock/core';
import { assertCarrierCharset, shipmentSchema, UNICODE, validateCustoms, type CreateShipmentInput, type IdempotentOptions, type Shipment } from '@interlock/logistics';
import { REFERENCE_LOOKUP_PARAMS } from '../fields.js';
import { DHL_PROVIDER } from '../provider.js';
import { carriesReference, REFERENCE_TYPE_CODE, toFoundShipment, toShipment, toShipmentRequestBody } from '../transform/express-shipment.js';
import { toWireDate } from '../transform/instants.js';
import type { DhlContext, DhlExpressContext } from './context.js';
import { expressOf } from './unsupported.js';

const ENDPOINT = 'createShipment';
const DAY = 24 * 60 * 60_000;

/**
 * How far back a lookup by reference searches: MyDHL requires a date range for it, and a caller
 * repeating a create after a crash does so within days. A day ahead covers a shipper's zone ahead of UTC.
 */
const LOOKUP_DAYS_BACK = 7;

/**
 * What MyDHL prints on a label. Its spec documents no character set, so any Unicode text goes as
 * sent ("Müller GmbH", "Łódź"); only what no label can print (control characters, lone
 * surrogates) is refused, typed and before any call, rather than left to mangle a label.
 */
const LABEL_CHARSET = UNICODE;

/**
 * Buys a DHL Express label (POST /shipments). MyDHL takes no idempotency key, so core's
 * createOrFind makes the create safe: the caller's reference travels as the shipper's reference
 * (`CU`), and before any repeat of a create that may have reached DHL (a lost answer, a timeout, a
 * 5xx) the shipment is looked up by it (GET /tracking?shipmentReference=…); only when DHL holds
 * none is the create sent again, and when the lookup itself fails the call ends `outcome_unknown`
 * instead of risking a second AWB. A caller's own key makes the lookup come first (a call repeated
 * after a crash), once per key with the idempotency store. Customs and the label's characters are
 * checked before any call.
 */
export async function createShipment(ctx: DhlContext, input: CreateShipmentInput & IdempotentOptions): Promise<Shipment> {
  const express = expressOf(ctx, ENDPOINT);
  const context = { provider: DHL_PROVIDER, endpoint: ENDPOINT };
  validateCustoms(input, context);
  const body = toShipmentRequestBody(input, express.accountNumber, ctx.clock.now());
  assertCarrierCharset(body, LABEL_CHARSET, context);
  const attempts = {
    ...context,
    clock: ctx.clock,
    emit: express.api.client.emit,
    create: async () => toShipment(await express.api.call('createShipment', { body }), input, ctx.clock.now()),
    find: () => findCreated(ctx, express, input),
  };
  const key = input.idempotencyKey;
  if (key !== undefined && express.idempotencyStore !== undefined) {
    return createOrFind({ ...attempts, idempotencyKey: key, record: { store: express.idempotencyStore, body, revive: (stored) => shipmentSchema.parse(stored) } });
  }
  return createOrFind({ ...attempts, findFirst: key !== undefined, ...(key === undefined ? {} : { idempotencyKey: key }) });
}

/** The shipment DHL holds under the caller's reference, as shipped under this account in the last days; undefined when it holds none (404). */
async function findCreated(ctx: DhlContext, express: DhlExpressContext, input: CreateShipmentInput): Promise<Shipment | undefined> {
  const now = ctx.clock.now();
  const query = {
    [REFERENCE_LOOKUP_PARAMS.reference]: input.reference,
    [REFERENCE_LOOKUP_PARAMS.referenceType]: REFERENCE_TYPE_CODE,
    [REFERENCE_LOOKUP_PARAMS.account]: express.accountNumber,
    [REFERENCE_LOOKUP_PARAMS.from]: toWireDate(now - LOOKUP_DAYS_BACK * DAY),
    [REFERENCE_LOOKUP_PARAMS.to]: toWireDate(now + DAY),
    [REFERENCE_LOOKUP_PARAMS.view]: 'shipment-details-only',
    [REFERENCE_LOOKUP_PARAMS.detail]: 'shipment',
  };
  try {
    const answer = await express.api.call('findByReference', { query });
    const found = answer.shipments?.find((shipment) => carriesReference(shipment, input.reference));
    return found === undefined ? undefined : toFoundShipment(found, input, now);
  } catch (error) {
    if (isIntegrationError(error) && error.kind === 'not_found') return undefined;
    throw error;
  }
}
