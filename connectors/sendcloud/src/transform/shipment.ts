import { fieldReader } from '@interlock/core';
import { LABEL_FORMATS, type CreateShipmentInput, type Label, type Shipment } from '@interlock/logistics';
import { SHIPMENT_FIELDS } from '../fields.js';
import { SENDCLOUD_PROVIDER } from '../provider.js';
import type { WireShipment } from '../wire/shipment.js';
import { toAddress, toWireAddress } from './address.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount } from './money.js';
import { toParcel, toWireCustoms, toWireParcel } from './parcel.js';
import { STATUS_MAP } from './status.js';

function toLabel(format: string | undefined, url: string | undefined): Label | undefined {
  const known = LABEL_FORMATS.find((candidate) => candidate === format);
  return known === undefined || url === undefined ? undefined : { format: known, url };
}

export function toShipment(wire: WireShipment): Shipment {
  const read = fieldReader(SHIPMENT_FIELDS, wire);
  const status = STATUS_MAP.map(read.get('status'));
  const amount = read.int('priceAmount');
  const currency = read.text('priceCurrency');
  return {
    id: read.get('id'),
    provider: SENDCLOUD_PROVIDER,
    carrier: read.get('carrier'),
    service: read.get('service'),
    reference: read.get('reference'),
    status: status.status,
    statusRaw: status.raw,
    trackingNumbers: [...read.get('trackingNumbers')],
    from: toAddress(read.get('from')),
    to: toAddress(read.get('to')),
    parcels: read.get('parcels').map(toParcel),
    label: toLabel(read.text('labelFormat'), read.text('labelUrl')),
    price: amount === undefined || currency === undefined ? undefined : fromWireAmount(amount, currency, SHIPMENT_FIELDS.inbound.priceAmount),
    createdAt: fromWireInstant(read.get('createdAt'), SHIPMENT_FIELDS.inbound.createdAt),
    updatedAt: fromWireInstant(read.get('updatedAt'), SHIPMENT_FIELDS.inbound.updatedAt),
  };
}

export function toCreateShipmentBody(input: CreateShipmentInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  SHIPMENT_FIELDS.write(body, 'reference', input.reference);
  SHIPMENT_FIELDS.write(body, 'service', input.service);
  SHIPMENT_FIELDS.write(body, 'from', toWireAddress(input.from));
  SHIPMENT_FIELDS.write(body, 'to', toWireAddress(input.to));
  SHIPMENT_FIELDS.write(body, 'parcels', input.parcels.map(toWireParcel));
  SHIPMENT_FIELDS.write(body, 'customs', input.customs === undefined ? undefined : toWireCustoms(input.customs));
  SHIPMENT_FIELDS.write(body, 'labelFormat', input.labelFormat);
  return body;
}
