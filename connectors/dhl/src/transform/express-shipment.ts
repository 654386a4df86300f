import { fieldReader, type Money } from '@interlock/core';
import type { CreateShipmentInput, Label, Shipment, ShipmentPiece } from '@interlock/logistics';
import { CREATED_PIECE_FIELDS, CREATED_SHIPMENT_FIELDS, DOCUMENT_FIELDS, PRICE_FIELDS, SHIPMENT_REQUEST_FIELDS, TRACKED_SHIPMENT_FIELDS } from '../fields.js';
import { DHL_PROVIDER } from '../provider.js';
import type { WireCreatedPackage, WireCreatedShipment, WireDocument } from '../wire/express-shipment.js';
import type { WireTrackedShipment } from '../wire/express-tracking.js';
import { declaredValue, isDeclarable, toExportDeclaration } from './customs.js';
import { toWireParty } from './express-address.js';
import { toWirePackage, unitSystemFor } from './express-units.js';
import { toWirePlannedTime } from './instants.js';
import { fromWireAmount, toWireAmount } from './money.js';
import { DHL_EXPRESS_CARRIER } from './rates.js';
import { refused } from './refused.js';

const ENDPOINT = 'createShipment';

/** MyDHL's reference type for the shipper's own reference (`CU`, its default), the one a lookup by reference searches. */
export const REFERENCE_TYPE_CODE = 'CU';

/** `customerReferences[].value` is at most 35 characters; a longer reference could not be looked up again. */
const MAX_REFERENCE_LENGTH = 35;

/** `content.description` is required and at most 70 characters. */
const MAX_DESCRIPTION_LENGTH = 70;

/**
 * MyDHL requires an incoterm even for a domestic shipment, which has no declaration to take it
 * from; DAP is what the spec's examples send and what a shipment without duties amounts to.
 */
const DOMESTIC_INCOTERM = 'DAP';

/** Canonical label formats as MyDHL's `encodingFormat` (it also has lp2 and epl); a PNG label it cannot make. */
const LABEL_ENCODINGS: Readonly<Partial<Record<Label['format'], string>>> = { pdf: 'pdf', zpl: 'zpl' };
const LABEL_FORMATS: Readonly<Record<string, Label['format']>> = { PDF: 'pdf', ZPL: 'zpl' };

/** What a shipment's contents are called on the waybill: the declared lines' descriptions, else the caller's reference. */
function contentDescription(input: CreateShipmentInput): string {
  const described = input.customs?.contents.map((item) => item.description).join(', ');
  return (described ?? input.reference).slice(0, MAX_DESCRIPTION_LENGTH);
}

/**
 * A shipment as MyDHL's POST /shipments body: the product code is the service a rate named, the
 * caller's reference goes as the shipper's reference (`CU`) a retried create looks it up by, no
 * courier pickup is booked, and a dutiable shipment carries its export declaration. Checked before
 * any call: the reference's length, the label format, each party's phone, each parcel's dimensions.
 */
export function toShipmentRequestBody(input: CreateShipmentInput, accountNumber: string, now: number): Record<string, unknown> {
  if (input.reference.length > MAX_REFERENCE_LENGTH) throw refused(ENDPOINT, 'reference_too_long', `DHL Express keeps references of at most ${MAX_REFERENCE_LENGTH} characters`);
  const encoding = LABEL_ENCODINGS[input.labelFormat ?? 'pdf'];
  if (encoding === undefined) throw refused(ENDPOINT, 'label_format_unsupported', `DHL Express makes no ${input.labelFormat ?? ''} labels (pdf or zpl)`);
  const system = unitSystemFor(input.parcels);
  const declarable = isDeclarable(input.from, input.to, input.customs);
  const customs = declarable ? input.customs : undefined;
  const value: Money | undefined = customs === undefined ? undefined : declaredValue(customs);
  const body: Record<string, unknown> = {};
  SHIPMENT_REQUEST_FIELDS.write(body, 'plannedShippingAt', toWirePlannedTime(now));
  SHIPMENT_REQUEST_FIELDS.write(body, 'pickupRequested', false);
  SHIPMENT_REQUEST_FIELDS.write(body, 'service', input.service);
  SHIPMENT_REQUEST_FIELDS.write(body, 'accounts', [{ typeCode: 'shipper', number: accountNumber }]);
  SHIPMENT_REQUEST_FIELDS.write(body, 'labelFormat', encoding);
  SHIPMENT_REQUEST_FIELDS.write(body, 'reference', [{ value: input.reference, typeCode: REFERENCE_TYPE_CODE }]);
  SHIPMENT_REQUEST_FIELDS.write(body, 'from', toWireParty(input.from, input.customs?.exporterEori, ENDPOINT));
  SHIPMENT_REQUEST_FIELDS.write(body, 'to', toWireParty(input.to, input.customs?.importerEori, ENDPOINT));
  SHIPMENT_REQUEST_FIELDS.write(body, 'parcels', input.parcels.map((parcel) => toWirePackage(parcel, system, ENDPOINT)));
  SHIPMENT_REQUEST_FIELDS.write(body, 'customsDeclarable', declarable);
  SHIPMENT_REQUEST_FIELDS.write(body, 'declaredValue', value === undefined ? undefined : toWireAmount(value));
  SHIPMENT_REQUEST_FIELDS.write(body, 'declaredCurrency', value?.currency);
  SHIPMENT_REQUEST_FIELDS.write(body, 'customs', customs === undefined ? undefined : toExportDeclaration(customs, system, now));
  SHIPMENT_REQUEST_FIELDS.write(body, 'description', contentDescription(input));
  SHIPMENT_REQUEST_FIELDS.write(body, 'incoterm', input.customs?.incoterm ?? DOMESTIC_INCOTERM);
  SHIPMENT_REQUEST_FIELDS.write(body, 'unitSystem', system);
  return body;
}

/** The label among a created shipment's documents, its base64 kept as DHL sent it; none when DHL sent it in a format the model has no name for. */
function labelOf(documents: readonly WireDocument[]): Label | undefined {
  for (const document of documents) {
    const read = fieldReader(DOCUMENT_FIELDS, document);
    const type = read.enumValue('type');
    const format = LABEL_FORMATS[read.requiredText('format').toUpperCase()];
    if (type?.known === true && type.value === 'label' && format !== undefined) return { format, base64: read.requiredText('base64') };
  }
  return undefined;
}

function chargedPrice(wire: WireCreatedShipment): Money | undefined {
  const charges = fieldReader(CREATED_SHIPMENT_FIELDS, wire).get('charges') ?? [];
  const billed = charges.find((charge) => charge.currencyType.known && charge.currencyType.value === 'BILLC') ?? charges[0];
  if (billed === undefined) return undefined;
  const read = fieldReader(PRICE_FIELDS, billed);
  return fromWireAmount(read.get('amount'), read.requiredText('currency'), `shipmentCharges.${PRICE_FIELDS.inbound.amount}`);
}

/**
 * The shipment as the caller asked for it, under DHL's AWB. Its tracking number is the AWB, the
 * number DHL tracks the whole shipment by (and Shipment Tracking - Unified reads, one call per
 * poll); a freshly made label has DHL's pre-transit status, as its tracking first shows it.
 */
function shipmentOf(input: CreateShipmentInput, awb: string, now: number, extras: { label?: Label | undefined; price?: Money | undefined; pieces?: ShipmentPiece[] | undefined }): Shipment {
  return {
    id: awb,
    provider: DHL_PROVIDER,
    carrier: DHL_EXPRESS_CARRIER,
    service: input.service,
    reference: input.reference,
    status: 'label_created',
    statusRaw: 'pre-transit',
    trackingNumbers: [awb],
    ...(extras.pieces === undefined ? {} : { pieces: extras.pieces }),
    from: input.from,
    to: input.to,
    parcels: [...input.parcels],
    ...(extras.label === undefined ? {} : { label: extras.label }),
    ...(input.customs === undefined ? {} : { customs: input.customs }),
    ...(extras.price === undefined ? {} : { price: extras.price }),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Each package's own number, in the order the packages were sent (DHL answers them so). Tracking
 * stays on the AWB, one call for the whole shipment; a piece number is what a person quotes when
 * one parcel of several goes astray.
 */
function piecesOf(packages: readonly WireCreatedPackage[] | undefined): ShipmentPiece[] | undefined {
  if (packages === undefined || packages.length === 0) return undefined;
  return packages.map((piece) => ({ trackingNumber: fieldReader(CREATED_PIECE_FIELDS, piece).requiredText('trackingNumber') }));
}

/** The 201 of POST /shipments as a canonical shipment, with its label and what DHL charges. */
export function toShipment(wire: WireCreatedShipment, input: CreateShipmentInput, now: number): Shipment {
  const read = fieldReader(CREATED_SHIPMENT_FIELDS, wire);
  // Optional in the schema, yet a 201 without the AWB cannot be tracked or found again: contract_violation.
  const awb = read.requiredText('id');
  return shipmentOf(input, awb, now, { label: labelOf(read.get('documents') ?? []), price: chargedPrice(wire), pieces: piecesOf(read.get('pieces')) });
}

/** Whether a tracked shipment carries `reference` as the shipper's reference. */
export function carriesReference(wire: WireTrackedShipment, reference: string): boolean {
  const references = fieldReader(TRACKED_SHIPMENT_FIELDS, wire).get('references') ?? [];
  return references.some((entry) => entry.value === reference && (entry.typeCode === undefined || entry.typeCode === REFERENCE_TYPE_CODE));
}

/**
 * A shipment an earlier create made, found by its reference: the caller's shipment under DHL's
 * AWB. The tracking answer carries no label, so a found shipment has none (RUNBOOK: reprint).
 */
export function toFoundShipment(wire: WireTrackedShipment, input: CreateShipmentInput, now: number): Shipment {
  return shipmentOf(input, fieldReader(TRACKED_SHIPMENT_FIELDS, wire).requiredText('id'), now, {});
}
