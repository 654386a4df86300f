import { z } from 'zod';
import { collectionSchema, notesSchema, optionalInt, optionalText, razorpayContract } from './common.js';
import { ORDER_STATUS } from './enums.js';
import { paymentSchema } from './payment.js';

/**
 * The order entity, from the spec's `Order` schema and sdk-mocks/fake_order.json,
 * order_collection.json; `payments` appears when listed with `expand[]=payments`.
 */
export const orderSchema = z.object({
  id: z.string(),
  entity: z.literal('order'),
  amount: z.number().int(),
  amount_paid: z.number().int().optional(),
  amount_due: z.number().int().optional(),
  currency: z.string(),
  receipt: optionalText,
  offer_id: optionalText,
  status: ORDER_STATUS.schema,
  attempts: z.number().int().optional(),
  notes: notesSchema.optional(),
  created_at: z.number().int(),
  partial_payment: z.boolean().optional(),
  line_items_total: optionalInt,
  shipping_fee: optionalInt,
  cod_fee: optionalInt,
  payments: collectionSchema(paymentSchema).optional(),
});

export type WireOrder = z.output<typeof orderSchema>;

export const orderContract = razorpayContract('order', orderSchema);

export const orderCollectionContract = razorpayContract('order_collection', collectionSchema(orderSchema));
