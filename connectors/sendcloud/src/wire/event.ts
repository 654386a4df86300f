import { z } from 'zod';
import { wireContract } from './envelope.js';

/*
 * A webhook delivery (v2-webhooks.openapi.yml and v3-webhooks.openapi.yml, the same payloads):
 * `action` names it, `timestamp` is "a unix timestamp" of the change, and the object sits under a
 * key per action: `parcel` (parcel_status_changed), `integration` (integration_connected, _updated,
 * _deleted) or `data` (return_created). Only the parcel is read; the others are kept as the
 * `unknown` events they become. The examples carry `timestamp: null` where the spec gives no value.
 */
export const wireEvent = z.object({
  action: z.string(),
  timestamp: z.number().nullable(),
  carrier_status_change_timestamp: z.number().nullable().optional(),
  parcel: z.record(z.string(), z.unknown()).optional(),
  integration: z.record(z.string(), z.unknown()).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * The parcel of `parcel_status_changed` (ParcelStatusChangedWebhook.parcel). The spec requires
 * none of its fields; the status and the tracking number are required here because an event
 * without them says nothing a track could use.
 */
export const wireEventParcel = z.object({
  id: z.number().int().optional(),
  name: z.string().optional(),
  company_name: z.string().optional(),
  address: z.string().optional(),
  address_divided: z.object({ street: z.string().optional(), house_number: z.union([z.number().int(), z.string()]).optional() }).optional(),
  city: z.string().optional(),
  postal_code: z.string().optional(),
  telephone: z.string().optional(),
  email: z.string().optional(),
  date_created: z.string().optional(),
  tracking_number: z.string(),
  weight: z.string().optional(),
  label: z.object({ normal_printer: z.array(z.string()).optional(), label_printer: z.string().optional() }).optional(),
  customs_declaration: z.record(z.string(), z.unknown()).optional(),
  // The numeric id is read as text through STATUS_ID in the transform, where an unknown one is alerted.
  status: z.object({ id: z.number().int(), message: z.string() }),
  data: z.record(z.string(), z.unknown()).optional(),
  country: z.object({ iso_3: z.string().optional(), iso_2: z.string().optional(), name: z.string().optional() }).optional(),
  shipment: z.object({ id: z.number().int().optional(), name: z.string().optional() }).optional(),
  order_number: z.string().optional(),
  shipment_uuid: z.string().optional(),
  external_order_id: z.string().optional(),
  external_shipment_id: z.string().optional(),
});

export type WireEvent = z.output<typeof wireEvent>;
export type WireEventParcel = z.output<typeof wireEventParcel>;

export const eventContract = wireContract('event', wireEvent);
export const eventParcelContract = wireContract('event_parcel', wireEventParcel);
