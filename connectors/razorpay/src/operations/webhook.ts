import { parseContract } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import { toPaymentEvents } from '../transform/webhook.js';
import { webhookContract, type WireWebhook } from '../wire/index.js';
import { checkEventAge, jsonOfVerifiedBody, verifyDelivery, WEBHOOK_ENDPOINT } from '../webhooks.js';
import type { RazorpayContext } from './context.js';

/**
 * Verify first (signature, then the signed `created_at` against the replay window), then parse
 * with the webhook contract through the client's telemetry, then map. Nothing of an unverified
 * body is looked at beyond the bytes the HMAC covers.
 */
export function parseWebhook(ctx: RazorpayContext, delivery: WebhookDelivery): PaymentEvent[] {
  const { body, eventId } = verifyDelivery(delivery, ctx.webhookSecrets);
  const envelope = parseEnvelope(ctx, body);
  checkEventAge(envelope, delivery.now, ctx.webhookToleranceMs);
  return toPaymentEvents(envelope, eventId);
}

/**
 * A body verified earlier (the hub's ingress checked it, a worker applies it later): parsed and
 * mapped the same way, without the replay window, which only means something at delivery time.
 */
export function eventsFromVerifiedBody(ctx: RazorpayContext, rawBody: string, eventId: string): PaymentEvent[] {
  return toPaymentEvents(parseEnvelope(ctx, jsonOfVerifiedBody(rawBody)), eventId);
}

function parseEnvelope(ctx: RazorpayContext, body: unknown): WireWebhook {
  return parseContract(webhookContract, body, {
    emit: ctx.client.emit,
    tracker: ctx.client.unknownValues,
    endpoint: WEBHOOK_ENDPOINT,
    clock: ctx.clock,
  }).value;
}
