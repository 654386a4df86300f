import { z } from 'zod';
import { collectionSchema, notesSchema, optionalText, razorpayContract } from './common.js';
import { REFUND_STATUS } from './enums.js';

/**
 * The refund entity, from the spec's `Refund` schema and sdk-mocks/fake_refund.json,
 * refund_collection.json (whose thin items carry no `status`, hence optional).
 */
export const refundSchema = z.object({
  id: z.string(),
  entity: z.literal('refund'),
  amount: z.number().int(),
  currency: z.string(),
  payment_id: z.string(),
  notes: notesSchema.optional(),
  receipt: optionalText,
  acquirer_data: z.record(z.string(), z.unknown()).nullable().optional(),
  created_at: z.number().int(),
  batch_id: optionalText,
  status: REFUND_STATUS.schema.optional(),
  speed_processed: optionalText,
  speed_requested: optionalText,
});

export type WireRefund = z.output<typeof refundSchema>;

export const refundContract = razorpayContract('refund', refundSchema);

export const refundCollectionContract = razorpayContract('refund_collection', collectionSchema(refundSchema));
