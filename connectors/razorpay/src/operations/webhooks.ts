import { authenticateDelivery, identifyEvent, IntegrationError, outsideReplayWindow, parseContract, webhookRefused } from '@interlock/core';
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
  const check = authenticateDelivery(ctx.webhooks, delivery, ctx.webhookSecrets);
  if (!check.ok) throw webhookRefused(RAZORPAY_PROVIDER, check.reason);
  const body = verifiedJson(delivery.rawBody);
  const envelope = parseEnvelope(ctx, body);
  const identity = identifyEvent(ctx.webhooks, RAZORPAY_PROVIDER, body, delivery.headers);
  // The contract has the type and the time, so only the id can be missing; without it nothing can dedupe the event.
  if (identity === undefined) throw contractViolation('missing_event_id', 'a verified delivery names no event (x-razorpay-event-id)');
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
  return toPaymentEvents(parseEnvelope(ctx, verifiedJson(rawBody)), eventId);
}

function parseEnvelope(ctx: RazorpayContext, body: unknown): WireWebhook {
  const { client } = ctx.api;
  return parseContract(webhookContract, body, { emit: client.emit, tracker: client.unknownValues, endpoint: ENDPOINT, clock: ctx.clock }).value;
}

/** The JSON of a verified body; a signed body that is not JSON is Razorpay breaking its contract. */
function verifiedJson(rawBody: Buffer | string): unknown {
  try {
    return JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')) as unknown;
  } catch {
    throw contractViolation('malformed_json', 'a signed body that is not JSON');
  }
}

function contractViolation(reason: string, message: string): IntegrationError {
  return new IntegrationError('contract_violation', `${RAZORPAY_PROVIDER} webhook: ${message}`, {
    provider: RAZORPAY_PROVIDER,
    endpoint: ENDPOINT,
    reason,
    requestMayHaveReachedProvider: false,
  });
}
