import { acknowledgedFields } from '@interlock/core';
import { z } from 'zod';
import { ACKNOWLEDGED_FIELDS, collectionSchema, notesSchema, optionalInt, optionalText, razorpayContract } from './common.js';
import { PAYMENT_REFUND_STATUS, PAYMENT_STATUS } from './enums.js';

/**
 * The payment entity, from the spec's `Payment` schema and sdk-mocks/fake_payment.json,
 * fake_captured_payment.json, fake_payment_authorized_webhook.json. Thin older mocks lack
 * `order_id`, `captured` and the `error_*` detail, so only what every sample has is required.
 */
export const paymentSchema = z.object({
  id: z.string(),
  entity: z.literal('payment'),
  amount: z.number().int(),
  currency: z.string(),
  status: PAYMENT_STATUS.schema,
  order_id: optionalText,
  invoice_id: optionalText,
  international: z.boolean().nullable().optional(),
  method: optionalText,
  amount_refunded: z.number().int().optional(),
  refund_status: PAYMENT_REFUND_STATUS.schema.nullable().optional(),
  captured: z.boolean().optional(),
  description: optionalText,
  card_id: optionalText,
  card: z.object({ id: z.string(), entity: z.string(), last4: optionalText, network: optionalText, type: optionalText }).passthrough().nullable().optional(),
  bank: optionalText,
  wallet: optionalText,
  vpa: optionalText,
  email: optionalText,
  contact: optionalText,
  customer_id: optionalText,
  notes: notesSchema.optional(),
  fee: optionalInt,
  tax: optionalInt,
  error_code: optionalText,
  error_description: optionalText,
  error_source: optionalText,
  error_step: optionalText,
  error_reason: optionalText,
  acquirer_data: z.record(z.string(), z.unknown()).nullable().optional(),
  emi: z.record(z.string(), z.unknown()).nullable().optional(),
  reward: z.unknown().optional(),
  source_channel: optionalText,
  created_at: z.number().int(),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.payment),
});

export type WirePayment = z.output<typeof paymentSchema>;

export const paymentContract = razorpayContract('payment', paymentSchema);

export const paymentCollectionContract = razorpayContract('payment_collection', collectionSchema(paymentSchema));
