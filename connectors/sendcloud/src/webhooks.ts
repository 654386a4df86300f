import { BODY_DIGEST, bodyHmacScheme, type SignatureScheme, type WebhookIntake } from '@interlock/core';
import { EVENT_FIELDS } from './fields.js';
import { SENDCLOUD_PROVIDER } from './provider.js';

/**
 * `Sendcloud-Signature`: the hex HMAC-SHA256 of the raw body keyed with the integration's secret
 * key (v2-webhooks.openapi.yml and v3-webhooks.openapi.yml, security scheme `Sendcloud-Signature`;
 * ../shared/providers/NOTES.md §2.5). No timestamp and no id are signed.
 */
export const webhookScheme: SignatureScheme = bodyHmacScheme({
  name: SENDCLOUD_PROVIDER,
  header: 'sendcloud-signature',
  algorithm: 'sha256',
  encoding: 'hex',
});

/**
 * How old an event may be when it arrives. Sendcloud signs no timestamp, but the event's
 * `timestamp` is inside the signed body, so it can be trusted once the signature checks out. Sendcloud documents
 * no redelivery period, so a day bounds what a late retry may be; anything older is a replay.
 */
export const WEBHOOK_REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Where a Sendcloud delivery says who it is. The body carries no event id and no header names the
 * delivery, so an event is known by the digest of its signed body: a replay of the same bytes is a
 * duplicate, and the ordering guard makes a re-serialised retry harmless.
 */
export const webhookIntake: WebhookIntake = Object.freeze({
  verification: { kind: 'signature', scheme: webhookScheme },
  secretsEnv: 'SENDCLOUD_WEBHOOK_SECRETS',
  eventId: BODY_DIGEST,
  eventType: { from: 'body', path: EVENT_FIELDS.inbound.type },
  // "A unix timestamp" without a unit; the spec's one concrete value (1525271885993) is milliseconds.
  occurredAt: { field: { from: 'body', path: EVENT_FIELDS.inbound.createdAt }, format: { kind: 'unix_millis' } },
  signed: { eventId: true, eventType: true, occurredAt: true },
  replayWindowMs: WEBHOOK_REPLAY_WINDOW_MS,
} satisfies WebhookIntake);
