import { acknowledgedFields } from '@interlock/core';
import { z } from 'zod';
import { refundSchema } from './refund.js';
import { ACKNOWLEDGED_FIELDS, anyStripeObject, opaqueFields, stripeAmount, stripeContract, stripeList, unixSeconds } from './common.js';

/**
 * components.schemas.charge of the 2023-08-16 spec. A charge reaches the connector as a
 * PaymentIntent's expanded `latest_charge`, a balance transaction's expanded `source`, and the
 * object of `charge.*` events.
 */
export const chargeSchema = z.object({
  id: z.string(),
  object: z.literal('charge'),
  amount: stripeAmount,
  amount_captured: stripeAmount,
  amount_refunded: stripeAmount,
  currency: z.string(),
  created: unixSeconds,
  payment_intent: z.union([z.string(), anyStripeObject]).nullable().optional(),
  // Expandable since 2022-11-15: present on events and when asked for with expand[]=refunds.
  refunds: stripeList(refundSchema).nullable().optional(),
  ...opaqueFields([
    'application',
    'application_fee',
    'application_fee_amount',
    'balance_transaction',
    'billing_details',
    'calculated_statement_descriptor',
    'captured',
    'customer',
    'description',
    'disputed',
    'failure_balance_transaction',
    'failure_code',
    'failure_message',
    'fraud_details',
    'invoice',
    'livemode',
    'metadata',
    'on_behalf_of',
    'outcome',
    'paid',
    'payment_method',
    'payment_method_details',
    'radar_options',
    'receipt_email',
    'receipt_number',
    'receipt_url',
    'refunded',
    'review',
    'shipping',
    'source_transfer',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'status',
    'transfer',
    'transfer_data',
    'transfer_group',
  ]),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.charge),
});

export const chargeContract = stripeContract('charge', chargeSchema);

export type WireCharge = z.output<typeof chargeSchema>;
