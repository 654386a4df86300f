import { z } from 'zod';
import { wireAddress } from './address.js';
import { pageOf, wireContract } from './envelope.js';
import { STATUS_CODE } from './status.js';

/** The carrier's shipment as the pinned version sends it, weights as decimal text. Template value: its shape, from the carrier's spec or docs. */
export const wireShipment = z.object({
  id: z.string(),
  object: z.literal('shipment'),
  reference: z.string(),
  carrier: z.string(),
  service: z.string(),
  status: STATUS_CODE.schema,
  tracking_numbers: z.array(z.string()),
  from_address: wireAddress,
  to_address: wireAddress,
  parcels: z.array(z.object({ weight: z.string(), weight_unit: z.string() })),
  label: z.object({ format: z.string(), url: z.string() }).nullable(),
  price: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
});

export type WireShipment = z.output<typeof wireShipment>;

export const shipmentContract = wireContract('shipment', wireShipment);
export const shipmentListContract = wireContract('shipment_list', pageOf(wireShipment));
