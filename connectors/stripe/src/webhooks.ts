import { IntegrationError, stripeScheme, verifyWebhook } from '@interlock/core';
import type { WebhookDelivery } from '@interlock/payments';
import { STRIPE_PROVIDER } from './version.js';

const ENDPOINT = 'webhook';

/**
 * Checks a delivery's `Stripe-Signature` against every configured endpoint secret (two while a
 * secret is rolled) and Stripe's 300 s replay window, through core's verifier. A missing, forged
 * or stale delivery throws `auth` with reason `webhook_signature_invalid`; why is in the message,
 * never a secret or a signature.
 */
export function verifyStripeDelivery(delivery: WebhookDelivery, secrets: readonly string[], toleranceMs?: number): void {
  const result = verifyWebhook(stripeScheme, {
    rawBody: delivery.rawBody,
    headers: delivery.headers,
    secrets,
    now: delivery.now,
    ...(toleranceMs === undefined ? {} : { toleranceMs }),
  });
  if (result.ok) return;
  throw new IntegrationError('auth', `${STRIPE_PROVIDER} webhook refused: ${result.reason}`, {
    provider: STRIPE_PROVIDER,
    endpoint: ENDPOINT,
    reason: 'webhook_signature_invalid',
    requestMayHaveReachedProvider: false,
  });
}

/** The JSON of a verified delivery; a signed body that is not JSON is Stripe breaking its contract. */
export function deliveryJson(rawBody: WebhookDelivery['rawBody']): unknown {
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
