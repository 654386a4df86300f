import { timestampedHmacScheme, type SignatureScheme, type WebhookIntake } from '@interlock/core';
import { EVENT_FIELDS } from './fields.js';
import { DHL_PROVIDER } from './provider.js';

/** How far a delivery's signed timestamp may be from the receiver's clock. Template value: the provider's tolerance. */
const REPLAY_WINDOW_MS = 300_000;

/**
 * `dhl-signature: t=<unix s>,v1=<hex>`: hex HMAC-SHA256 of `${t}.${body}` keyed with the webhook
 * secret; several `v1` while a rolled secret overlaps the old one. Template value: the common
 * convention. Build the provider's documented one from core's generic schemes
 * (timestampedHmacScheme, bodyHmacScheme, standardWebhooksScheme), never by hand.
 */
export const webhookScheme: SignatureScheme = timestampedHmacScheme({
  name: DHL_PROVIDER,
  header: 'dhl-signature',
  timestampKey: 't',
  signatureKey: 'v1',
  toleranceMs: REPLAY_WINDOW_MS,
});

/**
 * Where an event says who it is. Id, type and time are in the body, which the signature covers,
 * so each can be trusted once the delivery is verified; the signed timestamp bounds replays.
 */
export const webhookIntake: WebhookIntake = Object.freeze({
  verification: { kind: 'signature', scheme: webhookScheme },
  secretsEnv: 'DHL_WEBHOOK_SECRETS',
  eventId: [{ from: 'body', path: EVENT_FIELDS.inbound.id }],
  eventType: { from: 'body', path: EVENT_FIELDS.inbound.type },
  occurredAt: { field: { from: 'body', path: EVENT_FIELDS.inbound.createdAt }, format: { kind: 'unix_seconds' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: REPLAY_WINDOW_MS,
} satisfies WebhookIntake);
