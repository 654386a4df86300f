import { z } from 'zod';
import { moneySchema } from '../money-schema.js';
import { trackingStatusSchema } from '../tracking-status.js';
import { addressSchema } from './address.js';
import { customsSchema } from './customs.js';
import { parcelSchema } from './parcel.js';

/** Label formats carriers return. */
export const LABEL_FORMATS = ['pdf', 'zpl', 'png'] as const;

/** A shipping label: where to fetch it, or its bytes as base64 when the carrier sends them inline. */
export const labelSchema = z
  .object({
    format: z.enum(LABEL_FORMATS),
    url: z.string().url().optional(),
    base64: z.string().min(1).optional(),
  })
  .refine((label) => label.url !== undefined || label.base64 !== undefined, 'a label has a url or its bytes');

/** A canonical label. */
export type Label = z.infer<typeof labelSchema>;

/** One piece (parcel) of a shipment, under the number its carrier gives that piece alone. */
export const shipmentPieceSchema = z.object({
  trackingNumber: z.string().min(1),
});

/** A canonical shipment piece. */
export type ShipmentPiece = z.infer<typeof shipmentPieceSchema>;

/**
 * A shipment as a carrier created it. `id` is the carrier's (what `getShipment` and
 * `cancelShipment` take); `reference` the caller's own, sent to the carrier so a create retried
 * after a crash can find the first one. One tracking number per parcel, in parcel order (some
 * carriers have one for the whole shipment). Times are epoch milliseconds, UTC.
 */
export const shipmentSchema = z.object({
  id: z.string().min(1),
  provider: z.string().min(1),
  carrier: z.string().min(1),
  service: z.string().min(1),
  reference: z.string().min(1),
  status: trackingStatusSchema,
  statusRaw: z.string(),
  trackingNumbers: z.array(z.string().min(1)),
  /**
   * Each piece's own number, in parcel order, from a carrier that numbers pieces apart from the
   * shipment's tracking numbers (DHL Express: the AWB tracks the shipment, each piece has an ID a
   * person quotes at a depot). Tracking and polling stay on `trackingNumbers`.
   */
  pieces: z.array(shipmentPieceSchema).optional(),
  from: addressSchema,
  to: addressSchema,
  parcels: z.array(parcelSchema).min(1),
  label: labelSchema.optional(),
  customs: customsSchema.optional(),
  /** What the carrier charges for it, when it says. */
  price: moneySchema.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

/** A canonical shipment. */
export type Shipment = z.infer<typeof shipmentSchema>;
