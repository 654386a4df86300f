import { BODY_DIGEST, type WebhookIntake } from '@interlock/core';

/**
 * DHL's tracking API sends no webhooks, but the descriptor must name an intake. This one verifies
 * nothing it could accept (a shared token DHL never sends) and claims nothing is signed; the
 * connector's parseWebhook refuses every delivery before the intake's fields are read.
 */
export const webhookIntake: WebhookIntake = Object.freeze({
  verification: { kind: 'shared-token', header: 'dhl-webhook-token' },
  secretsEnv: 'DHL_WEBHOOK_SECRETS',
  eventId: BODY_DIGEST,
  eventType: { from: 'body', path: 'type' },
  signed: { eventId: false, eventType: false, occurredAt: false },
} satisfies WebhookIntake);
