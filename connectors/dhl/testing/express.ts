import { convertWeight, weight, type Weight } from '@interlock/core';
import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import type { z } from 'zod';
import { REFERENCE_LOOKUP_PARAMS } from '../src/fields.js';
import { SimParcel } from './parcels.js';
import { simRateRequest, simShipmentRequest, validationProblem, type SimRateRequest, type SimShipmentRequest } from './express-requests.js';

/** Where the simulated MyDHL API lives beside the tracking API, as `/mydhlapi` does at DHL. */
export const EXPRESS_PREFIX = '/mydhlapi';

/** A base64 label document: the first bytes of a PDF, enough to be one. */
const LABEL_PDF = Buffer.from('%PDF-1.4\n%DHL Express simulated label\n').toString('base64');

/** One shipment DHL Express made, as the lookup by reference finds it. */
interface ExpressRecord {
  awb: string;
  reference: string | undefined;
  productCode: string;
  pieces: number;
  at: number;
}

/** What the Express routes read and change: the tracking API's parcels (a new AWB is tracked there too) and the shipments made. */
export interface ExpressState {
  readonly parcels: Map<string, SimParcel[]>;
  readonly shipments: ExpressRecord[];
  /** Labels made per reference, for `labelsByReference`. */
  readonly labels: Map<string, number>;
  /** The number the next label gets, shared with `ship()` so routes and numbers never repeat. */
  nextIndex(): number;
  readonly seed: number;
  now(): number;
}

/** A MyDHL problem answer (`supermodelIoLogisticsExpressErrorResponse`, status as a string as its examples write it). */
function problem(status: number, title: string, detail: string, instance: string): FaultReply {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { instance, detail, title, message: title, status: String(status) } };
}

const unauthorized = (request: SimulatorRequest): boolean => !(request.headers['authorization'] ?? '').startsWith('Basic ');

/** What MyDHL answers a request without Basic credentials (401) or one its schema refuses (422); undefined when it may be served. */
function refusalOf(request: SimulatorRequest, schema: z.ZodTypeAny, instance: string): FaultReply | undefined {
  if (unauthorized(request)) return problem(401, 'Unauthorized', 'Invalid credentials.', instance);
  const invalid = validationProblem(schema, request.parsedBody);
  return invalid === undefined ? undefined : problem(422, 'Validation error', invalid, instance);
}

/** The weights of a message's packages summed in its declared unit, exactly (to DHL's thousandth). */
function totalWeight(packages: readonly { weight: number }[], system: 'metric' | 'imperial'): Weight {
  const thousandths = packages.reduce((sum, item) => sum + Math.round(item.weight * 1000), 0);
  return weight(thousandths / 1000, system === 'metric' ? 'kg' : 'lb');
}

/** A price from the weight: 20 EUR and 4.50 EUR per started kilogram, in cents. */
function priceCents(total: Weight, international: boolean): number {
  const kilograms = Math.ceil(convertWeight(total, 'kg').value);
  return (international ? 3500 : 2000) + 450 * kilograms;
}

const euros = (cents: number): number => cents / 100;

/** POST /rates: the products on the route, priced by weight, with the weight DHL was given in the unit it was given. */
export function quoteRates(state: ExpressState, request: SimulatorRequest): FaultReply {
  const refused = refusalOf(request, simRateRequest, '/expressapi/rates');
  if (refused !== undefined) return refused;
  const body = request.parsedBody as unknown as SimRateRequest;
  const total = totalWeight(body.packages, body.unitOfMeasurement);
  const international = body.customerDetails.shipperDetails.countryCode !== body.customerDetails.receiverDetails.countryCode;
  const products = international
    ? [
        { name: 'EXPRESS WORLDWIDE', code: 'P', extra: 0, days: 2 },
        { name: 'EXPRESS 12:00', code: 'T', extra: 1250, days: 2 },
      ]
    : [
        { name: 'EXPRESS DOMESTIC', code: 'N', extra: 0, days: 1 },
        { name: 'EXPRESS DOMESTIC 12:00', code: '1', extra: 950, days: 1 },
      ];
  const pricingDate = new Date(state.now()).toISOString().slice(0, 10);
  return {
    status: 200,
    body: {
      products: products.map((product) => {
        const price = euros(priceCents(total, international) + product.extra);
        return {
          productName: product.name,
          productCode: product.code,
          localProductCode: product.code,
          localProductCountryCode: body.customerDetails.shipperDetails.countryCode,
          networkTypeCode: 'TD',
          isCustomerAgreement: false,
          weight: { volumetric: 0, provided: total.value, unitOfMeasurement: body.unitOfMeasurement },
          totalPrice: [
            { currencyType: 'BILLC', priceCurrency: 'EUR', price },
            { currencyType: 'PULCL', priceCurrency: 'EUR', price },
          ],
          deliveryCapabilities: { deliveryTypeCode: 'QDDC', totalTransitDays: product.days, deliveryDayOfWeek: 3 },
          pricingDate,
        };
      }),
    },
  };
}

/**
 * POST /shipments: a new AWB and piece numbers, a base64 label, and the parcel handed to the
 * tracking API as `express` (pre-transit at once). A dutiable shipment without its declaration is
 * refused as MyDHL does.
 */
export function createShipment(state: ExpressState, request: SimulatorRequest): FaultReply {
  const instance = '/expressapi/shipments';
  const refused = refusalOf(request, simShipmentRequest, instance);
  if (refused !== undefined) return refused;
  const body = request.parsedBody as unknown as SimShipmentRequest;
  const { content } = body;
  if (content.isCustomsDeclarable && content.exportDeclaration === undefined) {
    return problem(422, 'Validation error', '#/content: exportDeclaration is required when isCustomsDeclarable is true', instance);
  }
  const index = state.nextIndex();
  const now = state.now();
  const awb = `${String(state.seed).padStart(2, '0')}${String(index).padStart(8, '0')}`;
  const reference = body.customerReferences?.[0]?.value;
  const total = totalWeight(content.packages, content.unitOfMeasurement);
  state.parcels.set(awb, [new SimParcel(awb, 'express', total, index, now)]);
  state.shipments.push({ awb, reference, productCode: body.productCode, pieces: content.packages.length, at: now });
  if (reference !== undefined) state.labels.set(reference, (state.labels.get(reference) ?? 0) + 1);
  const international = body.customerDetails.shipperDetails.postalAddress.countryCode !== body.customerDetails.receiverDetails.postalAddress.countryCode;
  return {
    status: 201,
    headers: { location: `/shipments/${awb}` },
    body: {
      url: `https://express.api.dhl.com/mydhlapi/shipments`,
      shipmentTrackingNumber: awb,
      trackingUrl: `https://express.api.dhl.com/mydhlapi/shipments/${awb}/tracking`,
      packages: content.packages.map((_, piece) => ({
        referenceNumber: piece + 1,
        trackingNumber: `JD01460000${awb}${String(piece + 1).padStart(2, '0')}`,
        trackingUrl: `https://express.api.dhl.com/mydhlapi/shipments/${awb}/tracking?PieceID=JD01460000${awb}${String(piece + 1).padStart(2, '0')}`,
      })),
      documents: [{ imageFormat: 'PDF', content: LABEL_PDF, typeCode: 'label' }],
      shipmentCharges: [{ currencyType: 'BILLC', priceCurrency: 'EUR', price: euros(priceCents(total, international)) }],
      estimatedDeliveryDate: { estimatedDeliveryDate: new Date(now + 2 * 24 * 60 * 60_000).toISOString().slice(0, 10), estimatedDeliveryType: 'QDDC' },
    },
  };
}

/** GET /tracking by shipment reference, as the connector's lookup asks it: the shipments made under it, or the spec's 404. */
export function findByReference(state: ExpressState, request: SimulatorRequest): FaultReply {
  const query = request.searchParams;
  const instance = `/expressapi/tracking?${query.toString()}`;
  if (unauthorized(request)) return problem(401, 'Unauthorized', 'Invalid credentials.', instance);
  const reference = query.get(REFERENCE_LOOKUP_PARAMS.reference);
  if (reference === null) return problem(400, 'Missing parameters', 'Missing mandatory parameters: shipmentTrackingNumber', instance);
  if (query.get(REFERENCE_LOOKUP_PARAMS.account) === null) return problem(400, 'Missing parameters', 'Missing mandatory parameters: shipperAccountNumber', instance);
  const found = state.shipments.filter((shipment) => shipment.reference === reference);
  if (found.length === 0) return problem(404, 'Not data found', `No Shipments Found for ReferenceID | ${reference}`, instance);
  return {
    status: 200,
    body: {
      shipments: found.map((shipment) => ({
        shipmentTrackingNumber: shipment.awb,
        status: 'Success',
        shipmentTimestamp: new Date(shipment.at).toISOString().slice(0, 19).replace('T', ' '),
        productCode: shipment.productCode,
        shipperReferences: [{ value: reference, typeCode: 'CU' }],
        numberOfPieces: shipment.pieces,
      })),
    },
  };
}

/** The Express routes as data, under their prefix. */
export const EXPRESS_ROUTES = [
  { method: 'POST', path: `${EXPRESS_PREFIX}/rates`, handle: quoteRates },
  { method: 'POST', path: `${EXPRESS_PREFIX}/shipments`, handle: createShipment },
  { method: 'GET', path: `${EXPRESS_PREFIX}/tracking`, handle: findByReference },
] as const;
