import { moneyTransformFile } from '../common/money.js';
import type { GeneratedFile, TemplateContext } from '../template.js';
import { SAMPLE_ZONE } from './samples.js';

/** src/transform/: carrier <-> canonical, both ways, as pure functions over contract-parsed wire objects. */
export function transformFiles({ names }: TemplateContext): GeneratedFile[] {
  const { constant } = names;
  const provider = `${constant}_PROVIDER`;
  return [
    moneyTransformFile(names),
    {
      path: 'src/transform/instants.ts',
      content: `import { parseInstant } from '@interlock/core';
import { resolveCarrierTime } from '@interlock/logistics';
import { ${provider} } from '../provider.js';

/**
 * The IANA zone the carrier writes scan times in, without an offset. Template value: the zone the
 * carrier's documentation declares (a carrier that sends offsets needs none).
 */
export const ${constant}_TIME_ZONE = '${SAMPLE_ZONE}';

/** An instant the carrier sends as whole seconds since the epoch, in epoch ms. */
export function fromWireInstant(seconds: number, field: string): number {
  return parseInstant(seconds, { kind: 'unix_seconds' }, { provider: ${provider}, field });
}

/** A scan's zone-less local time, resolved in the carrier's zone (DST gaps and overlaps as resolveCarrierTime documents). */
export function fromWireLocalTime(text: string, field: string): number {
  return resolveCarrierTime({ date: text, zone: ${constant}_TIME_ZONE }, { provider: ${provider}, field });
}

/** A window bound in epoch ms as the carrier's whole seconds, rounded up so a window never reaches back before its start. */
export function toWireInstant(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}
`,
    },
    {
      path: 'src/transform/status.ts',
      content: `import { statusMap } from '@interlock/core';
import { STATUS_CODE } from '../wire/status.js';

/** The carrier's codes per canonical tracking status; any other is \`unknown\`, its code kept. Template value: one line per status. */
export const STATUS_MAP = statusMap(STATUS_CODE, {
  label_created: ['created'],
  in_transit: ['in_transit'],
  out_for_delivery: ['out_for_delivery'],
  delivery_failed: ['delivery_failed'],
  available_for_pickup: ['ready_for_pickup'],
  exception: ['exception'],
  delivered: ['delivered'],
  returned_to_sender: ['returned'],
  canceled: ['cancelled'],
});
`,
    },
    {
      path: 'src/transform/address.ts',
      content: `import { fieldReader } from '@interlock/core';
import type { Address } from '@interlock/logistics';
import { ADDRESS_FIELDS } from '../fields.js';
import type { WireAddress } from '../wire/address.js';

/** The carrier's address as the canonical one; text is taken exactly as the carrier sent it. */
export function toAddress(wire: WireAddress): Address {
  const read = fieldReader(ADDRESS_FIELDS, wire);
  const second = read.text('line2');
  return {
    name: read.get('name'),
    company: read.text('company'),
    lines: second === undefined ? [read.get('line1')] : [read.get('line1'), second],
    houseNumber: read.text('houseNumber'),
    postalCode: read.text('postalCode'),
    city: read.get('city'),
    stateCode: read.text('stateCode'),
    country: read.get('country'),
    phone: read.text('phone'),
    email: read.text('email'),
  };
}

/** The canonical address as the carrier takes it. Template value: a carrier with fewer lines joins the rest here. */
export function toWireAddress(address: Address): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  ADDRESS_FIELDS.write(body, 'name', address.name);
  ADDRESS_FIELDS.write(body, 'company', address.company);
  ADDRESS_FIELDS.write(body, 'line1', address.lines[0]);
  ADDRESS_FIELDS.write(body, 'line2', address.lines.slice(1).join(', ') || undefined);
  ADDRESS_FIELDS.write(body, 'houseNumber', address.houseNumber);
  ADDRESS_FIELDS.write(body, 'postalCode', address.postalCode);
  ADDRESS_FIELDS.write(body, 'city', address.city);
  ADDRESS_FIELDS.write(body, 'stateCode', address.stateCode);
  ADDRESS_FIELDS.write(body, 'country', address.country);
  ADDRESS_FIELDS.write(body, 'phone', address.phone);
  ADDRESS_FIELDS.write(body, 'email', address.email);
  return body;
}
`,
    },
    {
      path: 'src/transform/parcel.ts',
      content: `import { convertLength, fieldReader, parseWeight, type Length } from '@interlock/core';
import { carrierWeightText, type Customs, type Parcel } from '@interlock/logistics';
import { CUSTOMS_FIELDS, CUSTOMS_ITEM_FIELDS, PARCEL_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import { toWireAmount } from './money.js';

/** The unit and resolution the carrier's weight fields take. Template value: "2.000" kg, as Sendcloud writes them. */
const WEIGHT_UNIT = 'kg';
const WEIGHT_PLACES = 3;

const weightText = (weight: Parcel['weight']): string => carrierWeightText(weight, WEIGHT_UNIT, WEIGHT_PLACES);
const centimetres = (length: Length): number => convertLength(length, 'cm').value;

/** A parcel as the carrier reports it: its weight is decimal text with its unit beside it, read exactly. */
export function toParcel(wire: { weight: string; weight_unit: string }): Parcel {
  const read = fieldReader(PARCEL_FIELDS, wire);
  return { weight: parseWeight(read.get('weight'), read.get('weightUnit'), { provider: ${provider}, field: PARCEL_FIELDS.inbound.weight }) };
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
`,
    },
    {
      path: 'src/transform/shipment.ts',
      content: `import { fieldReader } from '@interlock/core';
import { LABEL_FORMATS, type CreateShipmentInput, type Label, type Shipment } from '@interlock/logistics';
import { SHIPMENT_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
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
    provider: ${provider},
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
`,
    },
    {
      path: 'src/transform/rate.ts',
      content: `import { fieldReader } from '@interlock/core';
import type { Rate, RateRequest } from '@interlock/logistics';
import { RATE_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import type { WireRate } from '../wire/rate.js';
import { toWireAddress } from './address.js';
import { fromWireInstant } from './instants.js';
import { fromWireAmount } from './money.js';
import { toWireCustoms, toWireParcel } from './parcel.js';

export function toRate(wire: WireRate, quotedAt: number): Rate {
  const read = fieldReader(RATE_FIELDS, wire);
  return {
    provider: ${provider},
    carrier: read.get('carrier'),
    service: read.get('service'),
    serviceName: read.text('serviceName'),
    amount: fromWireAmount(read.get('amount'), read.get('currency'), RATE_FIELDS.inbound.amount),
    transitDays: read.int('transitDays'),
    validUntil: fromWireInstant(read.get('validUntil'), RATE_FIELDS.inbound.validUntil),
    quotedAt,
  };
}

export function toRateRequestBody(request: RateRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  RATE_FIELDS.write(body, 'from', toWireAddress(request.from));
  RATE_FIELDS.write(body, 'to', toWireAddress(request.to));
  RATE_FIELDS.write(body, 'parcels', request.parcels.map(toWireParcel));
  RATE_FIELDS.write(body, 'services', request.services);
  RATE_FIELDS.write(body, 'customs', request.customs === undefined ? undefined : toWireCustoms(request.customs));
  return body;
}
`,
    },
    {
      path: 'src/transform/tracking.ts',
      content: `import { fieldReader } from '@interlock/core';
import { summarizeTrack, type TrackingEvent, type TrackingResult } from '@interlock/logistics';
import { TRACKING_EVENT_FIELDS, TRACKING_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import type { WireTracking, WireTrackingEvent } from '../wire/tracking.js';
import { fromWireLocalTime } from './instants.js';
import { STATUS_MAP } from './status.js';

/** One scan, its local time resolved in the carrier's zone; \`receivedAt\` is our clock's. */
export function toTrackingEvent(wire: WireTrackingEvent, trackingNumber: string, receivedAt: number): TrackingEvent {
  const read = fieldReader(TRACKING_EVENT_FIELDS, wire);
  const status = STATUS_MAP.map(read.get('code'));
  const city = read.text('city');
  const postalCode = read.text('postalCode');
  const country = read.text('country');
  const located = city !== undefined || postalCode !== undefined || country !== undefined;
  return {
    trackingNumber,
    status: status.status,
    rawCode: status.raw,
    rawText: read.get('description'),
    location: located ? { city, postalCode, country } : undefined,
    occurredAt: fromWireLocalTime(read.get('occurredAt'), TRACKING_EVENT_FIELDS.inbound.occurredAt),
    receivedAt,
  };
}

/** The carrier's answer for one number: its track, or \`not_found\` beside the other numbers of the batch. */
export function toTrackingResult(wire: WireTracking, receivedAt: number): TrackingResult {
  const read = fieldReader(TRACKING_FIELDS, wire);
  const trackingNumber = read.get('trackingNumber');
  if (read.get('found') !== true) {
    return { trackingNumber, found: false, error: { kind: 'not_found', reason: 'tracking_number_unknown', message: 'the carrier does not know this tracking number' } };
  }
  const events = read.get('events').map((event) => toTrackingEvent(event, trackingNumber, receivedAt));
  return { trackingNumber, found: true, tracks: [summarizeTrack({ provider: ${provider}, trackingNumber }, events)] };
}
`,
    },
    {
      path: 'src/transform/event.ts',
      content: `import { fieldReader } from '@interlock/core';
import type { LogisticsEvent } from '@interlock/logistics';
import { EVENT_FIELDS } from '../fields.js';
import { ${provider} } from '../provider.js';
import type { WireEvent } from '../wire/event.js';
import type { WireShipment } from '../wire/shipment.js';
import type { WireTracking } from '../wire/tracking.js';
import { fromWireInstant } from './instants.js';
import { toShipment } from './shipment.js';
import { toTrackingResult } from './tracking.js';

/** Parses an event's object with its resource's contract, reporting drift as the client does. */
export interface EventObjectParsers {
  tracking(object: unknown): WireTracking;
  shipment(object: unknown): WireShipment;
}

/** Template value: the carrier's event types by the resource they carry. */
const TRACKING_EVENT_PREFIX = 'tracking.';
const SHIPMENT_EVENT_PREFIX = 'shipment.';

/**
 * One verified event as canonical events: a \`tracking.*\` event carries the number's whole scan
 * history (so a late or reordered one is ordered by the state machine, not by arrival), a
 * \`shipment.*\` event the shipment, anything else is \`unknown\` with its type kept.
 */
export function toLogisticsEvents(event: WireEvent, eventId: string, parse: EventObjectParsers, receivedAt: number): LogisticsEvent[] {
  const read = fieldReader(EVENT_FIELDS, event);
  const type = read.get('type');
  const base = {
    id: eventId,
    provider: ${provider},
    providerEventId: eventId,
    rawType: type,
    occurredAt: fromWireInstant(read.get('createdAt'), EVENT_FIELDS.inbound.createdAt),
  };
  if (type.startsWith(TRACKING_EVENT_PREFIX)) {
    const result = toTrackingResult(parse.tracking(read.get('object')), receivedAt);
    return [{ ...base, type: 'tracking.updated', ...(result.found ? { track: result.tracks[0] } : {}) }];
  }
  if (type.startsWith(SHIPMENT_EVENT_PREFIX)) return [{ ...base, type: 'shipment.updated', shipment: toShipment(parse.shipment(read.get('object'))) }];
  return [{ ...base, type: 'unknown' }];
}
`,
    },
  ];
}
