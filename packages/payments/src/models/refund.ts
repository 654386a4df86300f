import { z } from 'zod';
import { moneySchema } from '../money-schema.js';

/** Refund statuses; `unknown` keeps an unmapped provider value readable (raw text in `statusRaw`). */
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed', 'canceled', 'unknown'] as const;

/** A canonical refund status. */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A refund of all or part of one payment. Times are epoch milliseconds, UTC. */
export const refundSchema = z.object({
  /** The provider's refund id. */
  id: z.string().min(1),
  /** The payment's id as `Payment.id` carries it. */
  paymentId: z.string().min(1),
  amount: moneySchema,
  status: z.enum(REFUND_STATUSES),
  statusRaw: z.string(),
  reason: z.string().optional(),
  createdAt: z.number().int(),
});

/** A canonical refund. */
export type Refund = z.infer<typeof refundSchema>;
