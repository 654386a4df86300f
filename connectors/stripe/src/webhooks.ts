import { timestampedHmacScheme, type SignatureScheme, type WebhookIntake } from '@interlock/core';
import { EVENT_FIELDS } from './fields.js';
import { STRIPE_PROVIDER } from './provider.js';

/** Stripe's documented tolerance between the signed `t` and the receiver's clock. */
const REPLAY_WINDOW_MS = 300_000;

/**
 * `Stripe-Signature: t=<unix s>,v1=<hex>[,v1=<hex>]`: hex HMAC-SHA256 of `${t}.${body}` keyed with
 * the whole `whsec_…` string (docs.stripe.com/webhooks#verify-manually). Only `v1` counts: `v0` is
 * the test-mode legacy signature, and accepting it would be a downgrade. Several `v1` appear while
 * a rolled secret overlaps the old one.
 */
export const webhookScheme: SignatureScheme = timestampedHmacScheme({
  name: STRIPE_PROVIDER,
  header: 'stripe-signature',
  timestampKey: 't',
  signatureKey: 'v1',
  toleranceMs: REPLAY_WINDOW_MS,
});

/**
 * Where a Stripe event says who it is. Id, type and `created` are all in the body, which the
 * signature covers, so each of them can be trusted once the delivery is verified.
 */
export const webhookIntake: WebhookIntake = Object.freeze({
  verification: { kind: 'signature', scheme: webhookScheme },
  secretsEnv: 'STRIPE_WEBHOOK_SECRETS',
  eventId: [{ from: 'body', path: EVENT_FIELDS.inbound.id }],
  eventType: { from: 'body', path: EVENT_FIELDS.inbound.type },
  occurredAt: { field: { from: 'body', path: EVENT_FIELDS.inbound.createdAt }, format: { kind: 'unix_seconds' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: REPLAY_WINDOW_MS,
  // Stripe retries a failed delivery for up to three days in live mode (a few hours in test mode).
  redeliveryWindowMs: 3 * 24 * 60 * 60 * 1000,
} satisfies WebhookIntake);
