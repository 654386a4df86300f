import { z } from 'zod';
import { expressContract } from './common.js';

/*
 * GET /tracking (MyDHL API 2.7.0, `supermodelIoLogisticsExpressTrackingResponse`), which the
 * connector reads only to find a shipment by the reference it was created with. Only the AWB, the
 * references and the piece numbers are read; the rest is kept `unknown`.
 */

const reference = z.object({ value: z.string(), typeCode: z.string().optional() });

// Required by the schema, yet the lookup asks for `trackingView=shipment-details-only`, a view
// without checkpoints: a shipment answered without them is not a broken one.
const checkpoints = z.array(z.unknown()).optional();

export const wireTrackedPiece = z.object({
  number: z.number().optional(),
  typeCode: z.string().optional(),
  shipmentTrackingNumber: z.string().optional(),
  trackingNumber: z.string().optional(),
  description: z.string().optional(),
  weight: z.number().optional(),
  dimensionalWeight: z.number().optional(),
  actualWeight: z.number().optional(),
  dimensions: z.unknown().optional(),
  actualDimensions: z.unknown().optional(),
  unitOfMeasurements: z.string().optional(),
  shipperReferences: z.array(reference).optional(),
  events: checkpoints,
});

export const wireTrackedShipment = z.object({
  shipmentTrackingNumber: z.string().optional(),
  status: z.string().optional(),
  shipmentTimestamp: z.string().optional(),
  productCode: z.string().optional(),
  description: z.string().optional(),
  shipperDetails: z.unknown().optional(),
  receiverDetails: z.unknown().optional(),
  totalWeight: z.number().optional(),
  unitOfMeasurements: z.string().optional(),
  shipperReferences: z.array(reference).optional(),
  events: checkpoints,
  numberOfPieces: z.number().optional(),
  pieces: z.array(wireTrackedPiece).optional(),
  estimatedDeliveryDate: z.string().optional(),
  childrenShipmentIdentificationNumbers: z.array(z.string()).optional(),
});

export const wireExpressTracking = z.object({ shipments: z.array(wireTrackedShipment).optional() });

export type WireTrackedShipment = z.output<typeof wireTrackedShipment>;
export type WireExpressTracking = z.output<typeof wireExpressTracking>;

export const expressTrackingContract = expressContract('express-tracking', wireExpressTracking);
