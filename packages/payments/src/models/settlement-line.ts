import { z } from 'zod';
import { moneySchema } from '../money-schema.js';

/** What a settlement line moved; `unknown` keeps lines of a kind not mapped yet in the totals. */
export const SETTLEMENT_KINDS = ['charge', 'refund', 'fee', 'adjustment', 'payout', 'unknown'] as const;

/** A canonical settlement line kind. */
export type SettlementKind = (typeof SETTLEMENT_KINDS)[number];

/**
 * One line of a provider's settlement report, for reconciliation: gross, the provider's fee and
 * the net paid out, each as Money so fees in another currency cannot be silently added. Amounts
 * are signed from the merchant's side: money in (a charge) is positive, money out (a refund, a
 * payout) negative, and a fee is positive when the provider keeps it (`net = gross - fee`).
 */
export const settlementLineSchema = z.object({
  provider: z.string().min(1),
  /** The provider's id for the line (Stripe's balance transaction `txn_…`, Razorpay's recon item). */
  id: z.string().min(1),
  /** The payment it settles, as `Payment.id` carries it, so reconciliation can match the two. */
  paymentId: z.string().min(1).optional(),
  /** The refund it settles, as `Refund.id` carries it. */
  refundId: z.string().min(1).optional(),
  kind: z.enum(SETTLEMENT_KINDS),
  gross: moneySchema,
  fee: moneySchema,
  net: moneySchema,
  settledAt: z.number().int(),
});

/** A canonical settlement line. */
export type SettlementLine = z.infer<typeof settlementLineSchema>;
