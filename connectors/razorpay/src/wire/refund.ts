import { defineContract } from '@interlock/core';
import { z } from 'zod';
import { API_VERSION, collectionSchema, notesSchema, optionalText } from './common.js';
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

export const refundContract = defineContract({ provider: 'razorpay', name: 'refund', version: API_VERSION, schema: refundSchema });

export const refundCollectionContract = defineContract({
  provider: 'razorpay',
  name: 'refund_collection',
  version: API_VERSION,
  schema: collectionSchema(refundSchema),
});
