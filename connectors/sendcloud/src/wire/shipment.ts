import { z } from 'zod';
import { wireAddress } from './address.js';
import { pageOf, wireContract } from './envelope.js';
import { wireErrorObject } from './error.js';
import { PARCEL_STATUS_CODE } from './status.js';

/*
 * A v3 shipment as Sendcloud sends it back (v3-shipments.openapi.yml, components.schemas
 * shipment-response and, from POST /shipments/announce, sync-shipment-response), with what each
 * operation wraps it in. Optionality follows the spec: it requires only `ship_with`, the two
 * addresses and each parcel's `weight`; the transform refuses, as a broken contract, a shipment
 * missing what it cannot do without (an id, a tracking status, a time).
 */

/** components.schemas.Price: a decimal string in major units and an ISO 4217 code. */
const wirePrice = z.object({ value: z.string(), currency: z.string() });

/** components.schemas.str-weight; `unit` is one of kg, g, lbs, oz. */
const wireWeight = z.object({ value: z.string(), unit: z.string() });

const wireDimensions = z.object({ length: z.string(), width: z.string(), height: z.string(), unit: z.string() });

/** components.schemas.documents: a label or a customs form, each downloadable from `link`. */
export const wireDocument = z.object({
  type: z.string().optional(),
  document_type: z.string().optional(),
  size: z.string().optional(),
  link: z.string().optional(),
});

/** components.schemas.parcels-array-response, with the synchronous announcement's `label_file`. */
export const wireShipmentParcel = z.object({
  id: z.number().int().optional(),
  status: z.object({ code: PARCEL_STATUS_CODE.schema.optional(), message: z.string().optional() }).optional(),
  documents: z.array(wireDocument).optional(),
  dimensions: wireDimensions.optional(),
  weight: wireWeight,
  additional_insured_price: wirePrice.nullable().optional(),
  label_notes: z.array(z.string()).nullable().optional(),
  sscc: z.string().nullable().optional(),
  package_type: z.string().nullable().optional(),
  // The declared items are what the create sent; nothing canonical is read back from them, and
  // the spec's own examples disagree on their weight's and price's types (string and number).
  parcel_items: z.array(z.unknown()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  announced_at: z.string().nullable().optional(),
  tracking_number: z.string().optional(),
  tracking_url: z.string().nullable().optional(),
  additional_carrier_data: z.object({ awb_tracking_number: z.string().nullable().optional(), box_number: z.number().int().nullable().optional() }).optional(),
  label_file: z.string().nullable().optional(),
});

export const wireShipment = z.object({
  id: z.string(),
  brand_id: z.number().int().optional(),
  ship_with: z.object({
    type: z.string(),
    properties: z.object({ shipping_option_code: z.string().nullable().optional(), contract_id: z.number().int().nullable().optional() }),
  }),
  from_address: wireAddress,
  to_address: wireAddress,
  to_service_point: z.object({ id: z.string(), carrier_service_point_id: z.string() }).nullable().optional(),
  order_number: z.string().optional(),
  total_order_price: wirePrice.nullable().optional(),
  reference: z.string().nullable().optional(),
  external_reference_id: z.string().nullable().optional(),
  validation_methods: z.array(z.string()).optional(),
  // What the create declared; the canonical Shipment reads no declaration back.
  customs_information: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(wireErrorObject).optional(),
  // Spelt with a hyphen in base-shipment-response, unlike the request's `delivery_dates`.
  'delivery-dates': z.object({ handover_at: z.string().nullable().optional(), deliver_at: z.string().nullable().optional() }).optional(),
  carrier: z.object({ code: z.string().optional(), name: z.string().optional() }).optional(),
  label_details: z.object({ mime_type: z.string().optional(), dpi: z.number().int().optional() }).optional(),
  parcels: z.array(wireShipmentParcel).optional(),
});

export type WireShipment = z.output<typeof wireShipment>;
export type WireShipmentParcel = z.output<typeof wireShipmentParcel>;
export type WireDocument = z.output<typeof wireDocument>;

/** GET /shipments/{id}, POST /shipments/announce: `{ data: shipment }`. */
export const shipmentContract = wireContract('shipment', z.object({ data: wireShipment }));

/** GET /shipments: `{ data: [...] }`, the next page in the `Link` header. */
export const shipmentListContract = wireContract('shipment_list', pageOf(wireShipment));

/** POST /shipments/{id}/cancel: `{ data: { status, message } }` (cancel-shipment-status), `cancelled` on 200, `queued` on 202. */
export const cancellationContract = wireContract('cancellation', z.object({ data: z.object({ status: z.string(), message: z.string() }) }));
