import { assertAuthentic, identifyEvent, IntegrationError, outsideReplayWindow, verifiedBodyJson, webhookRefused } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import { RAZORPAY_PROVIDER } from '../provider.js';
import { toPaymentEvents } from '../transform/event.js';
import { webhookContract, type WireWebhook } from '../wire/index.js';
import type { RazorpayContext } from './context.js';

const ENDPOINT = 'webhook';

/**
 * Verify first, with the same intake the hub's ingress uses (signature over the raw body, then the
 * signed `created_at` against the replay window), then parse with the webhook contract through the
 * client's telemetry, then map. Nothing of an unverified body is looked at.
 */
export function parseWebhook(ctx: RazorpayContext, delivery: WebhookDelivery): PaymentEvent[] {
  assertAuthentic(ctx.webhooks, RAZORPAY_PROVIDER, delivery, ctx.webhookSecrets);
  const body = verifiedBodyJson(RAZORPAY_PROVIDER, delivery.rawBody);
  const envelope = parseEnvelope(ctx, body);
  const identity = identifyEvent(ctx.webhooks, RAZORPAY_PROVIDER, body, delivery.headers, delivery.rawBody);
  // The contract has the type and the id is the body's digest, so nothing should be missing here.
  if (identity === undefined) throw contractViolation('missing_event_type', 'a verified delivery names no event type');
  if (outsideReplayWindow(ctx.webhooks, identity, delivery.now)) {
    const ageSeconds = Math.round((delivery.now - (identity.occurredAt ?? delivery.now)) / 1000);
    throw webhookRefused(RAZORPAY_PROVIDER, `event created ${ageSeconds} s ago, outside the replay window`);
  }
  return toPaymentEvents(envelope, identity.eventId);
}

/**
 * A body verified earlier (the hub's ingress checked it, a worker applies it later): parsed and
 * mapped the same way, without the replay window, which only means something at delivery time.
 */
export function eventsFromVerifiedBody(ctx: RazorpayContext, rawBody: string, eventId: string): PaymentEvent[] {
  return toPaymentEvents(parseEnvelope(ctx, verifiedBodyJson(RAZORPAY_PROVIDER, rawBody)), eventId);
}

function parseEnvelope(ctx: RazorpayContext, body: unknown): WireWebhook {
  return ctx.api.parseObject(webhookContract, body, ENDPOINT);
}

function contractViolation(reason: string, message: string): IntegrationError {
  return new IntegrationError('contract_violation', `${RAZORPAY_PROVIDER} webhook: ${message}`, {
    provider: RAZORPAY_PROVIDER,
    endpoint: ENDPOINT,
    reason,
    requestMayHaveReachedProvider: false,
  });
}
