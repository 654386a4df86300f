import { fieldReader, IntegrationError } from '@interlock/core';
import { type CreateShipmentInput, type Label, type Shipment } from '@interlock/logistics';
import { DOCUMENT_FIELDS, SHIPMENT_FIELDS, SHIPMENT_PARCEL_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireDocument, WireShipment, WireShipmentParcel } from '../wire/shipment.js';
import { toAddress, toWireAddress } from './address.js';
import { fromWireLocalTime } from './instants.js';
import { toParcel, toWireCustoms, toWireItems, toWireParcel } from './parcel.js';
import { SHIPMENT_STATUS_MAP } from './status.js';

/** label-details `mime_type` as the canonical label format; `application/pdf` is the spec's default. */
const LABEL_FORMATS: Readonly<Record<string, Label['format']>> = { 'application/pdf': 'pdf', 'application/zpl': 'zpl', 'image/png': 'png' };
const DEFAULT_MIME_TYPE = 'application/pdf';
const MIME_TYPES: Readonly<Record<Label['format'], string>> = { pdf: 'application/pdf', zpl: 'application/zpl', png: 'image/png' };

/** The only way v3 selects a carrier and service (ship-with `type`). */
const SHIP_WITH_CODE = 'shipping_option_code';

function broken(field: string, message: string): IntegrationError {
  return new IntegrationError('contract_violation', `${SENDCLOUD_PROVIDER}: ${message} (${field})`, { provider: SENDCLOUD_PROVIDER, endpoint: 'transform', reason: 'missing_field' });
}

const isLabel = (document: WireDocument): boolean => {
  const read = fieldReader(DOCUMENT_FIELDS, document);
  return (read.text('documentType') ?? read.text('deprecatedType')) === 'label';
};

/** The first parcel's label: its document link, or the base64 file the synchronous announcement returns for a single parcel. */
function toLabel(format: string, parcel: WireShipmentParcel | undefined): Label | undefined {
  const known = LABEL_FORMATS[format];
  if (known === undefined || parcel === undefined) return undefined;
  const read = fieldReader(SHIPMENT_PARCEL_FIELDS, parcel);
  const document = (read.get('documents') ?? []).find(isLabel);
  const url = document === undefined ? undefined : fieldReader(DOCUMENT_FIELDS, document).text('link');
  const base64 = read.text('labelFile');
  if (url === undefined && base64 === undefined) return undefined;
  return { format: known, ...(url === undefined ? {} : { url }), ...(base64 === undefined ? {} : { base64 }) };
}

/** The parcels' times: created is the earliest parcel's, updated the latest; a v3 shipment has no times of its own. */
function times(parcels: readonly WireShipmentParcel[]): { createdAt: number; updatedAt: number } {
  const instants = (field: 'createdAt' | 'updatedAt'): number[] =>
    parcels.map((parcel) => fromWireLocalTime(fieldReader(SHIPMENT_PARCEL_FIELDS, parcel).requiredText(field), SHIPMENT_PARCEL_FIELDS.inbound[field]));
  return { createdAt: Math.min(...instants('createdAt')), updatedAt: Math.max(...instants('updatedAt')) };
}

/**
 * A v3 shipment as the canonical one. Sendcloud keeps a status per parcel and the canonical
 * shipment has one, so it is the first parcel's; every parcel's tracking number is kept. The
 * caller's reference is the `external_reference_id` this connector sends, or the shop's
 * `order_number` on a shipment made elsewhere. Sendcloud's shipment carries no price for the label
 * (`total_order_price` is what the buyer paid), so none is given. The carrier is `carrier.code`,
 * or when that is absent the shipping option code's first part, as the spec's examples pair them
 * (`postnl` with `postnl:standard`).
 */
export function toShipment(wire: WireShipment): Shipment {
  const read = fieldReader(SHIPMENT_FIELDS, wire);
  const parcels = read.get('parcels') ?? [];
  const first = parcels[0];
  if (first === undefined) throw broken(SHIPMENT_FIELDS.inbound.parcels, 'a shipment without parcels');
  const service = read.requiredText('service');
  const reference = read.text('reference') ?? read.text('orderNumber');
  if (reference === undefined) throw broken(SHIPMENT_FIELDS.inbound.reference, 'a shipment with neither an external_reference_id nor an order_number');
  const status = SHIPMENT_STATUS_MAP.map(fieldReader(SHIPMENT_PARCEL_FIELDS, first).get('status') ?? { known: false, raw: '' });
  const trackingNumbers = parcels.flatMap((parcel) => fieldReader(SHIPMENT_PARCEL_FIELDS, parcel).text('trackingNumber') ?? []);
  return {
    id: read.get('id'),
    provider: SENDCLOUD_PROVIDER,
    carrier: read.text('carrier') ?? service.split(':')[0] ?? service,
    service,
    reference,
    status: status.status,
    statusRaw: status.raw,
    trackingNumbers,
    from: toAddress(read.get('from')),
    to: toAddress(read.get('to')),
    parcels: parcels.map(toParcel),
    label: toLabel(read.text('labelFormat') ?? DEFAULT_MIME_TYPE, first),
    ...times(parcels),
  };
}

/**
 * The body of a synchronous announcement (shipment-request-sync-announce). The caller's reference
 * goes out as the `external_reference_id` Sendcloud keeps unique and as the `order_number`. A
 * declaration's items are written on the parcel; Sendcloud declares items per parcel and the
 * canonical declaration is per shipment, so a declared shipment of several parcels is refused
 * rather than split by a guess.
 */
export function toCreateShipmentBody(input: CreateShipmentInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  SHIPMENT_FIELDS.write(body, 'reference', input.reference);
  SHIPMENT_FIELDS.write(body, 'orderNumber', input.reference);
  SHIPMENT_FIELDS.write(body, 'shipWith', SHIP_WITH_CODE);
  SHIPMENT_FIELDS.write(body, 'service', input.service);
  SHIPMENT_FIELDS.write(body, 'from', toWireAddress(input.from));
  SHIPMENT_FIELDS.write(body, 'to', toWireAddress(input.to));
  const { customs } = input;
  if (customs !== undefined && input.parcels.length > 1) {
    throw new IntegrationError('invalid_request', `${SENDCLOUD_PROVIDER}: a declaration covers one parcel at Sendcloud; ship a declared shipment as one parcel`, {
      provider: SENDCLOUD_PROVIDER,
      endpoint: 'createShipment',
      reason: 'customs_multi_parcel_unsupported',
      requestMayHaveReachedProvider: false,
    });
  }
  const items = customs === undefined ? undefined : toWireItems(customs);
  SHIPMENT_FIELDS.write(body, 'parcels', input.parcels.map((parcel) => toWireParcel(parcel, items)));
  SHIPMENT_FIELDS.write(body, 'customs', customs === undefined ? undefined : toWireCustoms(customs));
  SHIPMENT_FIELDS.write(body, 'labelFormat', input.labelFormat === undefined ? undefined : MIME_TYPES[input.labelFormat]);
  return body;
}
