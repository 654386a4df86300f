import { authenticateDelivery, IntegrationError, webhookRefused } from '@interlock/core';
import type { PaymentEvent, WebhookDelivery } from '@interlock/payments';
import { STRIPE_PROVIDER } from '../provider.js';
import { toPaymentEvents } from '../transform/event.js';
import { eventContract } from '../wire/event.js';
import { objectParser, type StripeContext } from './context.js';

const ENDPOINT = 'webhook';

/** The JSON of a verified delivery; a signed body that is not JSON is Stripe breaking its contract. */
function deliveryJson(rawBody: WebhookDelivery['rawBody']): unknown {
  const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new IntegrationError('contract_violation', `${STRIPE_PROVIDER} webhook body is not JSON`, {
      provider: STRIPE_PROVIDER,
      endpoint: ENDPOINT,
      reason: 'malformed_json',
    });
  }
}

/** The events of a body whose signature was checked; nothing of it is read before that. */
export function eventsFromVerifiedBody(ctx: StripeContext, rawBody: WebhookDelivery['rawBody']): PaymentEvent[] {
  const parseObject = objectParser(ctx, ENDPOINT);
  return toPaymentEvents(parseObject(eventContract, deliveryJson(rawBody)), parseObject, ctx.transform);
}

/**
 * Verifies a delivery with core's verifier and Stripe's intake, the same check the hub's ingress
 * makes, against every configured secret (two while one is rolled). A missing, forged or stale
 * delivery throws `auth` (`webhook_signature_invalid`) naming why, never a secret or a signature.
 */
export function parseWebhook(ctx: StripeContext, delivery: WebhookDelivery): PaymentEvent[] {
  const check = authenticateDelivery(ctx.webhookIntake, delivery, ctx.webhookSecrets);
  if (!check.ok) throw webhookRefused(STRIPE_PROVIDER, check.reason);
  return eventsFromVerifiedBody(ctx, delivery.rawBody);
}
