import { z } from 'zod';
import { wireContract } from './common.js';
import { DESTINATION_PROVIDER, REFERENCE_TYPE, SERVICE, STATUS_CODE } from './status.js';

/*
 * Shipment Tracking - Unified 1.4.1 (`supermodelIoLogisticsTrackingShipments` and what it
 * references). The spec marks no member required, so every one is optional here too; JSON-LD
 * `@type` keys appear in its examples beside the declared properties.
 */

/** A Date or a DateTime, with or without a zone: transform/instants.ts resolves all of them. */
const timestamp = z.string();

const jsonLdType = { '@type': z.string().optional() };

const place = z.object({
  address: z
    .object({ countryCode: z.string().optional(), postalCode: z.string().optional(), addressLocality: z.string().optional(), streetAddress: z.string().optional() })
    .optional(),
});

const quantity = z.object({ value: z.number(), unitText: z.string().optional() });

const person = z.object({ ...jsonLdType, organizationName: z.string().optional(), familyName: z.string().optional(), givenName: z.string().optional(), name: z.string().optional() });

const dgfLocation = z.object({ 'dgf:locationName': z.string().optional() });

const dgfAirport = z.object({ 'dgf:locationName': z.string().optional(), 'dgf:locationCode': z.string().optional(), countryCode: z.string().optional() });

const dgfRoute = z.object({
  'dgf:vesselName': z.string().optional(),
  'dgf:voyageFlightNumber': z.string().optional(),
  'dgf:airportOfDeparture': dgfAirport.optional(),
  'dgf:airportOfDestination': dgfAirport.optional(),
  'dgf:estimatedDepartureDate': timestamp.optional(),
  'dgf:estimatedArrivalDate': timestamp.optional(),
  'dgf:placeOfAcceptance': dgfLocation.optional(),
  'dgf:portOfLoading': dgfLocation.optional(),
  'dgf:portOfUnloading': dgfLocation.optional(),
  'dgf:placeOfDelivery': dgfLocation.optional(),
});

export const wireTrackingEvent = z.object({
  timestamp: timestamp.optional(),
  location: place.optional(),
  statusCode: STATUS_CODE.schema.optional(),
  status: z.string().optional(),
  description: z.string().optional(),
  pieceIds: z.array(z.string()).optional(),
  remark: z.string().optional(),
  nextSteps: z.string().optional(),
});

export const wireDetails = z.object({
  carrier: z.object({ ...jsonLdType, organizationName: z.string().optional() }).optional(),
  product: z.object({ productName: z.string().optional() }).optional(),
  provider: z.object({ destinationProvider: DESTINATION_PROVIDER.schema.optional() }).optional(),
  receiver: person.optional(),
  sender: person.optional(),
  proofOfDelivery: z
    .object({ timestamp: timestamp.optional(), signatureUrl: z.string().optional(), documentUrl: z.string().optional(), signed: person.optional() })
    .optional(),
  totalNumberOfPieces: z.number().optional(),
  pieceIds: z.array(z.string()).optional(),
  weight: quantity.optional(),
  volume: quantity.optional(),
  loadingMeters: z.number().optional(),
  dimensions: z.object({ width: quantity.optional(), height: quantity.optional(), length: quantity.optional() }).optional(),
  references: z.array(z.object({ number: z.string().optional(), type: REFERENCE_TYPE.schema.optional() })).optional(),
  'dgf:routes': z.array(dgfRoute).optional(),
});

export const wireShipment = z.object({
  // Typed string, yet the spec's own example is a number.
  id: z.union([z.string(), z.number()]).optional(),
  service: SERVICE.schema.optional(),
  origin: place.optional(),
  destination: place.optional(),
  status: wireTrackingEvent.optional(),
  estimatedTimeOfDelivery: timestamp.optional(),
  estimatedDeliveryTimeFrame: z.object({ estimatedFrom: timestamp.optional(), estimatedThrough: timestamp.optional() }).optional(),
  estimatedTimeOfDeliveryRemark: z.string().optional(),
  serviceUrl: z.string().optional(),
  rerouteUrl: z.string().optional(),
  details: wireDetails.optional(),
  events: z.array(wireTrackingEvent).optional(),
});

export const wireShipments = z.object({
  url: z.string().optional(),
  prevUrl: z.string().optional(),
  nextUrl: z.string().optional(),
  firstUrl: z.string().optional(),
  lastUrl: z.string().optional(),
  shipments: z.array(wireShipment).optional(),
  possibleAdditionalShipmentsUrl: z.array(z.string()).optional(),
});

export type WireTrackingEvent = z.output<typeof wireTrackingEvent>;
export type WireShipment = z.output<typeof wireShipment>;
export type WireShipments = z.output<typeof wireShipments>;
export type WireQuantity = z.output<typeof quantity>;

export const shipmentsContract = wireContract('shipments', wireShipments);
