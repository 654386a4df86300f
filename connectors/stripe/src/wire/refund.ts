import { acknowledgedFields, openEnum } from '@interlock/core';
import { z } from 'zod';
import { ACKNOWLEDGED_FIELDS, anyStripeObject, metadataSchema, opaqueFields, stripeAmount, stripeContract, stripeList, unixSeconds } from './common.js';

/**
 * Refund statuses. The 2023-08-16 spec types `status` as a free string and lists these in its
 * description (cards: pending, succeeded, failed; other methods add requires_action, canceled).
 */
export const REFUND_STATUS = openEnum('stripe.refund_status', ['pending', 'requires_action', 'succeeded', 'failed', 'canceled']);

/** components.schemas.refund of the 2023-08-16 spec. */
export const refundSchema = z.object({
  id: z.string(),
  object: z.literal('refund'),
  amount: stripeAmount,
  currency: z.string(),
  created: unixSeconds,
  status: REFUND_STATUS.schema.nullable().optional(),
  reason: z.string().nullable().optional(),
  payment_intent: z.union([z.string(), anyStripeObject]).nullable().optional(),
  charge: z.union([z.string(), anyStripeObject]).nullable().optional(),
  metadata: metadataSchema.nullable().optional(),
  ...opaqueFields([
    'balance_transaction',
    'description',
    'failure_balance_transaction',
    'failure_reason',
    'instructions_email',
    'next_action',
    'receipt_number',
    'source_transfer_reversal',
    'transfer_reversal',
  ]),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.refund),
});

export const refundContract = stripeContract('refund', refundSchema);
export const refundListContract = stripeContract('refund_list', stripeList(refundSchema));

export type WireRefund = z.output<typeof refundSchema>;
