import { z } from 'zod';
import { lengthSchema, weightSchema } from '../units.js';

/** Outer dimensions of a parcel, each with its unit (a carrier in inches and one in cm read the same object). */
export const dimensionsSchema = z.object({ length: lengthSchema, width: lengthSchema, height: lengthSchema });

/** A canonical parcel's dimensions. */
export type Dimensions = z.infer<typeof dimensionsSchema>;

/** One physical piece of a shipment. */
export const parcelSchema = z.object({
  weight: weightSchema,
  dimensions: dimensionsSchema.optional(),
  /** The caller's reference for the piece, printed on its label where the carrier allows. */
  reference: z.string().min(1).optional(),
});

/** A canonical parcel. */
export type Parcel = z.infer<typeof parcelSchema>;
