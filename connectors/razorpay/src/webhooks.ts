import { createHash } from 'node:crypto';
import { IntegrationError, razorpayScheme, verifyWebhook } from '@interlock/core';
import type { WebhookDelivery } from '@interlock/payments';
import { EVENT_FIELDS } from './fields.js';
import { readerOf } from './read.js';
import { PROVIDER } from './transform/amounts.js';

export const WEBHOOK_ENDPOINT = 'webhook';

/**
 * How old an event may be when it arrives. Razorpay signs no timestamp, but the envelope's
 * `created_at` is inside the signed body, so it is trustworthy once the signature checks out.
 * Razorpay retries a failed delivery for 24 hours (then disables the webhook), so anything
 * older than that plus an hour of slack is a replay, not a retry.
 */
export const DEFAULT_WEBHOOK_TOLERANCE_MS = 25 * 60 * 60 * 1000;

/** Clock skew allowed for an event that claims to come from the future. */
export const WEBHOOK_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** The refusal every unverifiable delivery gets: ingress answers it with 400. */
export function webhookRefused(detail: string): IntegrationError {
  return new IntegrationError('auth', `razorpay webhook refused: ${detail}`, {
    provider: PROVIDER,
    endpoint: WEBHOOK_ENDPOINT,
    reason: 'webhook_signature_invalid',
    requestMayHaveReachedProvider: false,
  });
}

/** A delivery whose signature checked out: its body as JSON and the id it is deduplicated on. */
export interface VerifiedDelivery {
  body: unknown;
  eventId: string;
}

/**
 * Checks `X-Razorpay-Signature` (hex HMAC-SHA256 of the raw body) against every configured
 * secret, so both work while a secret is rotated. The event id is the `x-razorpay-event-id`
 * header Razorpay dedupes on; a delivery without it (a test tool, a proxy that drops headers) is
 * named by a digest of its body, so a duplicate of it still deduplicates.
 */
export function verifyDelivery(delivery: WebhookDelivery, secrets: readonly string[]): VerifiedDelivery {
  const verified = verifyWebhook(razorpayScheme, { rawBody: delivery.rawBody, headers: delivery.headers, secrets, now: delivery.now });
  if (!verified.ok) throw webhookRefused(verified.reason);
  const raw = typeof delivery.rawBody === 'string' ? delivery.rawBody : delivery.rawBody.toString('utf8');
  const eventId = verified.id ?? `sha256_${createHash('sha256').update(raw, 'utf8').digest('hex')}`;
  return { body: jsonOfVerifiedBody(raw), eventId };
}

/** The JSON of a verified body; a signed body that is not JSON is Razorpay breaking its contract. */
export function jsonOfVerifiedBody(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new IntegrationError('contract_violation', 'razorpay webhook: a signed body that is not JSON', {
      provider: PROVIDER,
      endpoint: WEBHOOK_ENDPOINT,
      reason: 'malformed_json',
      requestMayHaveReachedProvider: false,
    });
  }
}

/** Refuses an event whose signed `created_at` is outside the replay window. */
export function checkEventAge(envelope: unknown, now: number, toleranceMs: number): void {
  const createdAt = readerOf(EVENT_FIELDS, envelope).requiredInt('createdAt') * 1000;
  if (now - createdAt > toleranceMs) throw webhookRefused(`event created ${Math.round((now - createdAt) / 1000)} s ago, outside the replay window`);
  if (createdAt - now > WEBHOOK_FUTURE_SKEW_MS) throw webhookRefused('event created in the future');
}
