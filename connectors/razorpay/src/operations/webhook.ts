import { parseContract } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import { toPaymentEvents } from '../transform/webhook.js';
import { webhookContract } from '../wire/index.js';
import { checkEventAge, verifyDelivery, WEBHOOK_ENDPOINT } from '../webhooks.js';
import type { RazorpayContext } from './context.js';

/**
 * Verify first (signature, then the signed `created_at` against the replay window), then parse
 * with the webhook contract through the client's telemetry, then map. Nothing of an unverified
 * body is looked at beyond the bytes the HMAC covers.
 */
export function parseWebhook(ctx: RazorpayContext, delivery: WebhookDelivery): PaymentEvent[] {
  const { body, eventId } = verifyDelivery(delivery, ctx.webhookSecrets);
  const envelope = parseContract(webhookContract, body, {
    emit: ctx.client.emit,
    tracker: ctx.client.unknownValues,
    endpoint: WEBHOOK_ENDPOINT,
    clock: ctx.clock,
  }).value;
  checkEventAge(envelope, delivery.now, ctx.webhookToleranceMs);
  return toPaymentEvents(envelope, eventId);
}
