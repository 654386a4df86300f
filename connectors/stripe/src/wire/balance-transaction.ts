import { acknowledgedFields, openEnum } from '@interlock/core';
import { z } from 'zod';
import { chargeSchema } from './charge.js';
import { refundSchema } from './refund.js';
import { ACKNOWLEDGED_FIELDS, anyStripeObject, opaqueFields, stripeAmount, stripeContract, stripeList, unixSeconds } from './common.js';

/** `balance_transaction.type` as the 2023-08-16 spec enumerates it. */
export const BALANCE_TRANSACTION_TYPE = openEnum('stripe.balance_transaction_type', [
  'adjustment',
  'advance',
  'advance_funding',
  'anticipation_repayment',
  'application_fee',
  'application_fee_refund',
  'charge',
  'connect_collection_transfer',
  'contribution',
  'issuing_authorization_hold',
  'issuing_authorization_release',
  'issuing_dispute',
  'issuing_transaction',
  'obligation_inbound',
  'obligation_outbound',
  'obligation_payout',
  'obligation_payout_failure',
  'obligation_reversal_inbound',
  'obligation_reversal_outbound',
  'payment',
  'payment_failure_refund',
  'payment_refund',
  'payment_reversal',
  'payout',
  'payout_cancel',
  'payout_failure',
  'refund',
  'refund_failure',
  'reserve_transaction',
  'reserved_funds',
  'stripe_fee',
  'stripe_fx_fee',
  'tax_fee',
  'topup',
  'topup_reversal',
  'transfer',
  'transfer_cancel',
  'transfer_failure',
  'transfer_refund',
]);

/**
 * components.schemas.balance_transaction of the 2023-08-16 spec. `source` is read expanded
 * (expand[]=data.source): a charge or refund then names the PaymentIntent the line settles.
 */
export const balanceTransactionSchema = z.object({
  id: z.string(),
  object: z.literal('balance_transaction'),
  amount: stripeAmount,
  currency: z.string(),
  fee: stripeAmount,
  net: stripeAmount,
  type: BALANCE_TRANSACTION_TYPE.schema,
  created: unixSeconds,
  source: z.union([z.string(), chargeSchema, refundSchema, anyStripeObject]).nullable().optional(),
  ...opaqueFields(['available_on', 'description', 'exchange_rate', 'fee_details', 'reporting_category', 'status']),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.balance_transaction),
});

export const balanceTransactionContract = stripeContract('balance_transaction', balanceTransactionSchema);

/** GET /v1/balance_transactions: BalanceTransactionsList. */
export const balanceTransactionListContract = stripeContract('balance_transaction_list', stripeList(balanceTransactionSchema));

export type WireBalanceTransaction = z.output<typeof balanceTransactionSchema>;
