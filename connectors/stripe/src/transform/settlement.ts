import { fieldReader, statusMap } from '@interlock/core';
import type { SettlementLine } from '@interlock/payments';
import { BALANCE_TRANSACTION_FIELDS } from '../fields.js';
import { STRIPE_PROVIDER } from '../provider.js';
import { BALANCE_TRANSACTION_TYPE, type WireBalanceTransaction } from '../wire/balance-transaction.js';
import { idOf } from '../wire/common.js';
import { instantFromStripe, type TransformContext } from './context.js';
import { fromWireAmount } from './money.js';

/**
 * Balance transaction types per settlement kind (docs.stripe.com/reports/balance-transaction-types).
 * Every type of the pinned version has a kind, so only a type Stripe adds later is `unknown`
 * (and alerted); money moved by Connect, Issuing, top-ups and reserves counts as an adjustment.
 */
export const SETTLEMENT_KIND_MAP = statusMap(BALANCE_TRANSACTION_TYPE, {
  charge: ['charge', 'payment'],
  refund: ['refund', 'payment_refund'],
  fee: ['application_fee', 'application_fee_refund', 'stripe_fee', 'stripe_fx_fee', 'tax_fee'],
  payout: ['payout', 'payout_cancel', 'payout_failure', 'obligation_payout', 'obligation_payout_failure'],
  adjustment: [
    'adjustment',
    'advance',
    'advance_funding',
    'anticipation_repayment',
    'connect_collection_transfer',
    'contribution',
    'issuing_authorization_hold',
    'issuing_authorization_release',
    'issuing_dispute',
    'issuing_transaction',
    'obligation_inbound',
    'obligation_outbound',
    'obligation_reversal_inbound',
    'obligation_reversal_outbound',
    'payment_failure_refund',
    'payment_reversal',
    'refund_failure',
    'reserve_transaction',
    'reserved_funds',
    'topup',
    'topup_reversal',
    'transfer',
    'transfer_cancel',
    'transfer_failure',
    'transfer_refund',
  ],
});

/**
 * A balance transaction as a settlement line. `gross`, `fee` and `net` keep Stripe's signs (a
 * refund's gross is negative). The payment and refund it settles are known when `source` arrived
 * expanded as a charge or refund; `settledAt` is its `created`, the time the period filter uses.
 */
export function toSettlementLine(wire: WireBalanceTransaction, ctx: TransformContext = {}): SettlementLine {
  const read = fieldReader(BALANCE_TRANSACTION_FIELDS, wire);
  const currency = read.get('currency');
  const sourceObject = read.get('sourceObject');
  const paymentId = sourceObject === 'charge' || sourceObject === 'refund' ? idOf(read.get('sourcePaymentIntent')) : undefined;
  const refundId = sourceObject === 'refund' ? read.get('sourceId') : undefined;
  return {
    provider: STRIPE_PROVIDER,
    id: read.get('id'),
    ...(paymentId === undefined ? {} : { paymentId }),
    ...(refundId === undefined ? {} : { refundId }),
    kind: SETTLEMENT_KIND_MAP.map(read.get('type'), ctx.tracker).status,
    gross: fromWireAmount(read.get('gross'), currency, 'balance_transaction.amount'),
    fee: fromWireAmount(read.get('fee'), currency, 'balance_transaction.fee'),
    net: fromWireAmount(read.get('net'), currency, 'balance_transaction.net'),
    settledAt: instantFromStripe(read.get('createdAt'), 'balance_transaction.created'),
  };
}
