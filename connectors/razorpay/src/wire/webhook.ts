import { z } from 'zod';
import { razorpayContract } from './common.js';
import { orderSchema } from './order.js';
import { paymentSchema } from './payment.js';
import { refundSchema } from './refund.js';

/**
 * The webhook envelope, from sdk-mocks/fake_payment_authorized_webhook.json and Razorpay's
 * webhook docs: `{ entity: "event", account_id, event, contains, payload: { <name>: { entity } }, created_at }`.
 * Other events carry other entities (subscription, invoice, …), so `payload` keeps unknown keys
 * without calling them drift; the three entities the connector reads are checked.
 */
export const webhookSchema = z.object({
  entity: z.literal('event'),
  account_id: z.string().optional(),
  event: z.string(),
  contains: z.array(z.string()),
  payload: z
    .object({
      payment: z.object({ entity: paymentSchema }).optional(),
      order: z.object({ entity: orderSchema }).optional(),
      refund: z.object({ entity: refundSchema }).optional(),
    })
    .passthrough(),
  created_at: z.number().int(),
});

export type WireWebhook = z.output<typeof webhookSchema>;

export const webhookContract = razorpayContract('webhook_event', webhookSchema);
