import { assertAuthentic, verifiedBodyJson } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import { STRIPE_PROVIDER } from '../provider.js';
import { toPaymentEvents } from '../transform/event.js';
import { eventContract } from '../wire/event.js';
import { objectParser, type StripeContext } from './context.js';

const ENDPOINT = 'webhook';

/** The events of a body whose signature was checked; nothing of it is read before that. */
export function eventsFromVerifiedBody(ctx: StripeContext, rawBody: WebhookDelivery['rawBody']): PaymentEvent[] {
  const parseObject = objectParser(ctx, ENDPOINT);
  return toPaymentEvents(parseObject(eventContract, verifiedBodyJson(STRIPE_PROVIDER, rawBody)), parseObject, ctx.transform);
}

/**
 * Verifies a delivery with core's verifier and Stripe's intake, the same check the hub's ingress
 * makes, against every configured secret (two while one is rolled). A missing, forged or stale
 * delivery throws `auth` (`webhook_signature_invalid`) naming why, never a secret or a signature.
 */
export function parseWebhook(ctx: StripeContext, delivery: WebhookDelivery): PaymentEvent[] {
  assertAuthentic(ctx.webhookIntake, STRIPE_PROVIDER, delivery, ctx.webhookSecrets);
  return eventsFromVerifiedBody(ctx, delivery.rawBody);
}
