import { BODY_DIGEST, bodyHmacScheme, type SignatureScheme, type WebhookIntake } from '@interlock/core';
import { EVENT_FIELDS, HEADERS } from './fields.js';
import { RAZORPAY_PROVIDER } from './provider.js';

/**
 * `X-Razorpay-Signature`: the hex HMAC-SHA256 of the raw body with the webhook secret. Razorpay
 * signs no timestamp and no id: `x-razorpay-event-id` names the delivery and proves nothing, so
 * anyone holding a captured delivery could resend it under a fresh id.
 */
export const webhookScheme: SignatureScheme = bodyHmacScheme({
  name: RAZORPAY_PROVIDER,
  header: HEADERS.webhookSignature,
  algorithm: 'sha256',
  encoding: 'hex',
  idHeader: HEADERS.webhookEventId,
});

/**
 * How old an event may be when it arrives. Razorpay signs no timestamp, but the envelope's
 * `created_at` is inside the signed body, so it is trustworthy once the signature checks out.
 * Razorpay retries a failed delivery for 24 hours (then disables the webhook), so anything
 * older than that plus an hour of slack is a replay, not a retry.
 */
export const WEBHOOK_REPLAY_WINDOW_MS = 25 * 60 * 60 * 1000;

/**
 * Where a Razorpay delivery says who it is, for the hub's ingress and the connector's own
 * `parseWebhook` alike. The envelope carries no id and the header's is unsigned, so an event is
 * known by the digest of its signed body: a replay under a rewritten `x-razorpay-event-id` is a
 * duplicate. A retry that resends the same bytes is one too; should Razorpay ever re-serialise a
 * retry, that copy is applied again, which the stale and ordering guards make harmless.
 */
export const webhookIntake: WebhookIntake = {
  verification: { kind: 'signature', scheme: webhookScheme },
  secretsEnv: 'RAZORPAY_WEBHOOK_SECRETS',
  eventId: BODY_DIGEST,
  eventType: { from: 'body', path: EVENT_FIELDS.inbound.type },
  occurredAt: { field: { from: 'body', path: EVENT_FIELDS.inbound.createdAt }, format: { kind: 'unix_seconds' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: WEBHOOK_REPLAY_WINDOW_MS,
  // Razorpay retries a failed delivery for 24 hours.
  redeliveryWindowMs: 24 * 60 * 60 * 1000,
};
