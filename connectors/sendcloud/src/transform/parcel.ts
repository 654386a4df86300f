import { convertLength, fieldReader, IntegrationError, parseWeight, type Length, type WeightUnit } from '@interlock/core';
import { carrierWeightText, type Customs, type Parcel } from '@interlock/logistics';
import { CUSTOMS_FIELDS, CUSTOMS_ITEM_FIELDS, PARCEL_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireShipmentParcel } from '../wire/shipment.js';
import { toWireAmount } from './money.js';

/** Weights are sent as kilogram text with three decimals ("1.320": v3-shipments.openapi.yml's examples). */
const WEIGHT_UNIT = 'kg';
const WEIGHT_PLACES = 3;

/** Sendcloud's weight units (components.schemas.weight-units) as core's; `lbs` is its spelling of pounds. */
const WEIGHT_UNITS: Readonly<Record<string, WeightUnit>> = { kg: 'kg', g: 'g', lbs: 'lb', oz: 'oz' };

/**
 * The declaration's kind of contents as Sendcloud's `export_reason` (customs-information): only
 * the four reasons it documents. Returned goods and "other" have none, so they are refused
 * rather than declared as something else.
 */
const EXPORT_REASONS: Readonly<Partial<Record<Customs['contentsType'], string>>> = {
  merchandise: 'commercial_goods',
  documents: 'documents',
  gift: 'gift',
  sample: 'commercial_sample',
};

const weightText = (weight: Parcel['weight']): string => carrierWeightText(weight, WEIGHT_UNIT, WEIGHT_PLACES);
const centimetres = (length: Length): string => String(convertLength(length, 'cm').value);

function refused(reason: string, message: string): IntegrationError {
  return new IntegrationError('invalid_request', `${SENDCLOUD_PROVIDER}: ${message}`, {
    provider: SENDCLOUD_PROVIDER,
    endpoint: 'createShipment',
    reason,
    requestMayHaveReachedProvider: false,
  });
}

/** A parcel as Sendcloud reports it: its weight is decimal text with its unit beside it, read exactly. */
export function toParcel(wire: WireShipmentParcel): Parcel {
  const read = fieldReader(PARCEL_FIELDS, wire);
  const unit = read.get('weightUnit');
  const context = { provider: SENDCLOUD_PROVIDER, field: PARCEL_FIELDS.inbound.weight };
  return { weight: parseWeight(read.get('weight'), WEIGHT_UNITS[unit] ?? unit, context) };
}

/** A parcel as Sendcloud takes it (parcel-common), with the declared items when it carries them. */
export function toWireParcel(parcel: Parcel, items?: readonly Record<string, unknown>[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  PARCEL_FIELDS.write(body, 'weight', weightText(parcel.weight));
  PARCEL_FIELDS.write(body, 'weightUnit', WEIGHT_UNIT);
  if (parcel.dimensions !== undefined) {
    PARCEL_FIELDS.write(body, 'length', centimetres(parcel.dimensions.length));
    PARCEL_FIELDS.write(body, 'width', centimetres(parcel.dimensions.width));
    PARCEL_FIELDS.write(body, 'height', centimetres(parcel.dimensions.height));
    PARCEL_FIELDS.write(body, 'dimensionUnit', 'cm');
  }
  PARCEL_FIELDS.write(body, 'items', items);
  return body;
}

/** EORI numbers as Sendcloud's tax numbers (TaxNumber): the issuing country is the number's first two letters. */
const eori = (value: string | undefined): Record<string, string>[] => (value === undefined ? [] : [{ name: 'EORI', country_code: value.slice(0, 2), value }]);

/**
 * The declaration as Sendcloud takes it (customs-information). Sendcloud requires an invoice
 * number and one of its export reasons; a declaration without them is refused before any call.
 * The incoterm is not a field of it: Sendcloud takes it as part of the shipping option code
 * (`dhl_express:worldwide/incoterm=dap` in the spec's examples), which the caller chooses.
 */
export function toWireCustoms(customs: Customs): Record<string, unknown> {
  const reason = EXPORT_REASONS[customs.contentsType];
  if (reason === undefined) throw refused('customs_contents_unsupported', `Sendcloud has no export reason for contents of type ${customs.contentsType}`);
  if (customs.invoiceNumber === undefined) throw refused('customs_invoice_required', 'Sendcloud requires the declaration\'s invoice number');
  const body: Record<string, unknown> = {};
  CUSTOMS_FIELDS.write(body, 'invoiceNumber', customs.invoiceNumber);
  CUSTOMS_FIELDS.write(body, 'contentsType', reason);
  // All three lists are required once tax_numbers is sent.
  CUSTOMS_FIELDS.write(body, 'senderTaxNumbers', eori(customs.exporterEori));
  CUSTOMS_FIELDS.write(body, 'receiverTaxNumbers', eori(customs.importerEori));
  CUSTOMS_FIELDS.write(body, 'importerTaxNumbers', []);
  return body;
}

/**
 * The declared lines as a parcel's items (parcel-item): values in major units, weights in
 * kilograms as a number (components.schemas.weight). The spec does not say whether an item's
 * `price` and `weight` are per unit or for the whole line, so only lines of one unit, where the
 * two agree, are sent; a line of several is refused rather than declared at a guessed value.
 */
export function toWireItems(customs: Customs): Record<string, unknown>[] {
  return customs.contents.map((item) => {
    if (item.quantity !== 1) throw refused('customs_quantity_ambiguous', 'Sendcloud does not say whether an item\'s price is per unit or per line; declare one unit per line');
    const line: Record<string, unknown> = {};
    CUSTOMS_ITEM_FIELDS.write(line, 'description', item.description);
    CUSTOMS_ITEM_FIELDS.write(line, 'hsCode', item.hsCode);
    CUSTOMS_ITEM_FIELDS.write(line, 'quantity', item.quantity);
    CUSTOMS_ITEM_FIELDS.write(line, 'value', toWireAmount(item.unitValue));
    CUSTOMS_ITEM_FIELDS.write(line, 'currency', item.unitValue.currency);
    CUSTOMS_ITEM_FIELDS.write(line, 'weight', Number(weightText(item.unitWeight)));
    CUSTOMS_ITEM_FIELDS.write(line, 'weightUnit', WEIGHT_UNIT);
    CUSTOMS_ITEM_FIELDS.write(line, 'originCountry', item.originCountry);
    return line;
  });
}
