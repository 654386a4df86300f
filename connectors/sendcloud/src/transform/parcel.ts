import { convertLength, fieldReader, parseWeight, type Length } from '@interlock/core';
import { carrierWeightText, type Customs, type Parcel } from '@interlock/logistics';
import { CUSTOMS_FIELDS, CUSTOMS_ITEM_FIELDS, PARCEL_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import { toWireAmount } from './money.js';

/** Sendcloud takes and sends weights as kilogram text with three decimals ("2.000": v2-parcels.openapi.yml, the webhook examples). */
const WEIGHT_UNIT = 'kg';
const WEIGHT_PLACES = 3;

const weightText = (weight: Parcel['weight']): string => carrierWeightText(weight, WEIGHT_UNIT, WEIGHT_PLACES);
const centimetres = (length: Length): number => convertLength(length, 'cm').value;

/** A parcel as the carrier reports it: its weight is decimal text with its unit beside it, read exactly. */
export function toParcel(wire: { weight: string; weight_unit: string }): Parcel {
  const read = fieldReader(PARCEL_FIELDS, wire);
  return { weight: parseWeight(read.get('weight'), read.get('weightUnit'), { provider: SENDCLOUD_PROVIDER, field: PARCEL_FIELDS.inbound.weight }) };
}

export function toWireParcel(parcel: Parcel): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  PARCEL_FIELDS.write(body, 'weight', weightText(parcel.weight));
  PARCEL_FIELDS.write(body, 'weightUnit', WEIGHT_UNIT);
  if (parcel.dimensions !== undefined) {
    PARCEL_FIELDS.write(body, 'length', centimetres(parcel.dimensions.length));
    PARCEL_FIELDS.write(body, 'width', centimetres(parcel.dimensions.width));
    PARCEL_FIELDS.write(body, 'height', centimetres(parcel.dimensions.height));
    PARCEL_FIELDS.write(body, 'dimensionUnit', 'cm');
  }
  return body;
}

/** The declaration as the carrier takes it: one line per item, values in minor units, weights as text. */
export function toWireCustoms(customs: Customs): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  CUSTOMS_FIELDS.write(body, 'contentsType', customs.contentsType);
  CUSTOMS_FIELDS.write(body, 'incoterm', customs.incoterm);
  CUSTOMS_FIELDS.write(body, 'exporterEori', customs.exporterEori);
  CUSTOMS_FIELDS.write(body, 'importerEori', customs.importerEori);
  CUSTOMS_FIELDS.write(body, 'invoiceNumber', customs.invoiceNumber);
  CUSTOMS_FIELDS.write(
    body,
    'items',
    customs.contents.map((item) => {
      const line: Record<string, unknown> = {};
      CUSTOMS_ITEM_FIELDS.write(line, 'description', item.description);
      CUSTOMS_ITEM_FIELDS.write(line, 'hsCode', item.hsCode);
      CUSTOMS_ITEM_FIELDS.write(line, 'quantity', item.quantity);
      CUSTOMS_ITEM_FIELDS.write(line, 'value', toWireAmount(item.unitValue));
      CUSTOMS_ITEM_FIELDS.write(line, 'currency', item.unitValue.currency);
      CUSTOMS_ITEM_FIELDS.write(line, 'weight', weightText(item.unitWeight));
      CUSTOMS_ITEM_FIELDS.write(line, 'originCountry', item.originCountry);
      return line;
    }),
  );
  return body;
}
