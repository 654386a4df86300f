import { acknowledgedFields, openEnum } from '@interlock/core';
import { z } from 'zod';
import { chargeSchema } from './charge.js';
import { apiErrorSchema } from './error.js';
import { ACKNOWLEDGED_FIELDS, anyStripeObject, metadataSchema, opaqueFields, stripeAmount, stripeContract, stripeList, unixSeconds } from './common.js';

/** `payment_intent.status` as the 2023-08-16 spec enumerates it. */
export const PAYMENT_INTENT_STATUS = openEnum('stripe.payment_intent_status', [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'requires_capture',
  'canceled',
  'succeeded',
]);

/** components.schemas.payment_intent of the 2023-08-16 spec. */
export const paymentIntentSchema = z.object({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: stripeAmount,
  amount_received: stripeAmount.optional(),
  currency: z.string(),
  status: PAYMENT_INTENT_STATUS.schema,
  created: unixSeconds,
  canceled_at: unixSeconds.nullable().optional(),
  customer: z.union([z.string(), anyStripeObject]).nullable().optional(),
  metadata: metadataSchema,
  latest_charge: z.union([z.string(), chargeSchema]).nullable().optional(),
  last_payment_error: apiErrorSchema.nullable().optional(),
  ...opaqueFields([
    'amount_capturable',
    'amount_details',
    'application',
    'application_fee_amount',
    'automatic_payment_methods',
    'cancellation_reason',
    'capture_method',
    'client_secret',
    'confirmation_method',
    'description',
    'invoice',
    'livemode',
    'next_action',
    'on_behalf_of',
    'payment_method',
    'payment_method_options',
    'payment_method_types',
    'processing',
    'receipt_email',
    'review',
    'setup_future_usage',
    'shipping',
    'statement_descriptor',
    'statement_descriptor_suffix',
    'transfer_data',
    'transfer_group',
  ]),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.payment_intent),
});

export const paymentIntentContract = stripeContract('payment_intent', paymentIntentSchema);

/** GET /v1/payment_intents: PaymentFlowsPaymentIntentList. */
export const paymentIntentListContract = stripeContract('payment_intent_list', stripeList(paymentIntentSchema));

export type WirePaymentIntent = z.output<typeof paymentIntentSchema>;
