import { z } from 'zod';
import { failureCodeSchema } from '../failure-codes.js';
import { moneySchema } from '../money-schema.js';
import { paymentStatusSchema } from '../payment-status.js';

/** Why a payment failed: the canonical code to branch on, plus the provider's words for support. */
export const paymentFailureSchema = z.object({
  code: failureCodeSchema,
  providerCode: z.string().optional(),
  message: z.string().optional(),
});

/** A canonical payment failure. */
export type PaymentFailure = z.infer<typeof paymentFailureSchema>;

/**
 * A payment in the canonical shape every payments connector returns. Captured and refunded
 * amounts are kept apart from the authorised `amount` because partial capture and partial refunds
 * make them differ; `statusRaw` always holds the provider's text so an `unknown` status can be
 * mapped later and replayed. Times are epoch milliseconds, UTC.
 *
 * `id` is the provider's id, the one `getPayment` takes and settlement lines point at (Stripe's
 * `pi_…`, Razorpay's `order_…`); `reference` is the caller's own order reference as the provider
 * echoes it back, absent for payments made outside Interlock.
 */
export const paymentSchema = z.object({
  id: z.string().min(1),
  provider: z.string().min(1),
  reference: z.string().min(1).optional(),
  amount: moneySchema,
  amountCaptured: moneySchema,
  amountRefunded: moneySchema,
  status: paymentStatusSchema,
  statusRaw: z.string(),
  failure: paymentFailureSchema.optional(),
  customerId: z.string().min(1).optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  metadata: z.record(z.string(), z.string()),
});

/** A canonical payment. */
export type Payment = z.infer<typeof paymentSchema>;
