import { z } from 'zod';
import { expressContract } from './common.js';
import { CURRENCY_TYPE, DOCUMENT_TYPE } from './express-enums.js';

/*
 * POST /shipments, 201 (MyDHL API 2.7.0, `supermodelIoLogisticsExpressCreateShipmentResponse`).
 * The label is a base64 document of `typeCode` `label`; the AWB is `shipmentTrackingNumber` and
 * each package has its own piece number. Blocks the connector does not read are kept `unknown`.
 */

const document = z.object({ imageFormat: z.string(), content: z.string(), typeCode: DOCUMENT_TYPE.schema });

export const wireCreatedPackage = z.object({
  referenceNumber: z.number().optional(),
  trackingNumber: z.string().min(1),
  trackingUrl: z.string().optional(),
  volumetricWeight: z.number().optional(),
  documents: z.array(document).optional(),
});

export const wireCreatedShipment = z.object({
  url: z.string().optional(),
  shipmentTrackingNumber: z.string().optional(),
  cancelPickupUrl: z.string().optional(),
  trackingUrl: z.string().optional(),
  dispatchConfirmationNumber: z.string().optional(),
  packages: z.array(wireCreatedPackage).optional(),
  documents: z.array(document).optional(),
  onDemandDeliveryURL: z.string().optional(),
  shipmentDetails: z.array(z.unknown()).optional(),
  shipmentCharges: z.array(z.object({ currencyType: CURRENCY_TYPE.schema, priceCurrency: z.string(), price: z.number(), serviceBreakdown: z.array(z.unknown()).optional() })).optional(),
  barcodeInfo: z.unknown().optional(),
  estimatedDeliveryDate: z.object({ estimatedDeliveryDate: z.string().optional(), estimatedDeliveryType: z.string().optional() }).optional(),
  warnings: z.array(z.string()).optional(),
});

export type WireCreatedShipment = z.output<typeof wireCreatedShipment>;
export type WireCreatedPackage = z.output<typeof wireCreatedPackage>;
export type WireDocument = z.output<typeof document>;

export const createdShipmentContract = expressContract('created-shipment', wireCreatedShipment);
