import { z } from 'zod';
import { paymentSchema } from './payment.js';
import { refundSchema } from './refund.js';

/** Canonical event types; `unknown` is an event we verified but do not act on (raw type kept). */
export const PAYMENT_EVENT_TYPES = ['payment.updated', 'refund.updated', 'unknown'] as const;

/** A canonical payment event type. */
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

/**
 * One verified webhook event in canonical form. It carries the record's new state rather than a
 * delta, since webhooks arrive late, twice and out of order and the state machine orders them;
 * `providerEventId` is what the event path dedupes on, `occurredAt` what the stale guard compares.
 */
export const paymentEventSchema = z.object({
  id: z.string().min(1),
  provider: z.string().min(1),
  providerEventId: z.string().min(1),
  type: z.enum(PAYMENT_EVENT_TYPES),
  /** The provider's own event type, e.g. `payment_intent.succeeded`. */
  rawType: z.string(),
  occurredAt: z.number().int(),
  payment: paymentSchema.optional(),
  refund: refundSchema.optional(),
});

/** A canonical payment event. */
export type PaymentEvent = z.infer<typeof paymentEventSchema>;
