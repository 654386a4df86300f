import { IntegrationError } from '../errors/integration-error.js';
import { readPath } from '../fields/dotted-path.js';
import { parseInstant, type InstantFormat } from '../units/instants.js';
import { singleHeader, type WebhookHeaders } from '../webhooks/headers.js';
import type { SignatureScheme } from '../webhooks/scheme.js';
import { verifyBasicAuth, verifySharedToken } from '../webhooks/unsigned.js';
import { verifyWebhook } from '../webhooks/verify.js';

/** How a provider authenticates its webhook deliveries: one of core's generic mechanisms. */
export type WebhookVerification =
  | { kind: 'signature'; scheme: SignatureScheme }
  /** A static token in a header; proves the sender knows the token, not that the body is theirs. */
  | { kind: 'shared-token'; header: string }
  | { kind: 'basic'; username: string };

/** Where one part of an event's identity is read: a dotted path in the JSON body, or a header. */
export type EventField = { from: 'body'; path: string } | { from: 'header'; name: string };

/** A provider's webhook rules as data: how deliveries are verified and where each event says who it is. */
export interface WebhookIntake {
  verification: WebhookVerification;
  /** The environment variable holding the webhook secrets (comma-separated, two during a rotation) unless the hub's config names another. */
  secretsEnv: string;
  /** Where the provider's event id is; the first field present wins. */
  eventId: readonly EventField[];
  eventType: EventField;
  /** When the provider says the event happened, and in which format; absent when the provider does not say. */
  occurredAt?: { field: EventField; format: InstantFormat };
  /**
   * Which of the three the signature covers. A header outside the signature (Razorpay's event id)
   * only names a delivery: it is used for dedupe but proves nothing.
   */
  signed: { eventId: boolean; eventType: boolean; occurredAt: boolean };
  /**
   * How old a delivery may be. For a scheme that signs a timestamp this is its tolerance; otherwise
   * it applies to a signed `occurredAt`. Absent: no window (dedupe and the stale guard carry it).
   */
  replayWindowMs?: number;
}

/** One delivery exactly as received. */
export interface IncomingDelivery {
  rawBody: Buffer | string;
  headers: WebhookHeaders;
  /** Epoch ms, from the receiver's clock. */
  now: number;
}

export type DeliveryCheck = { ok: true } | { ok: false; reason: string };

/** Whether the delivery comes from the provider; secrets are tried in order (two during a rotation). */
export function authenticateDelivery(intake: WebhookIntake, delivery: IncomingDelivery, secrets: readonly string[]): DeliveryCheck {
  const { verification } = intake;
  if (verification.kind === 'signature') {
    const usesTimestamp = verification.scheme.toleranceMs !== undefined;
    const result = verifyWebhook(verification.scheme, {
      rawBody: delivery.rawBody,
      headers: delivery.headers,
      secrets,
      now: delivery.now,
      ...(usesTimestamp && intake.replayWindowMs !== undefined ? { toleranceMs: intake.replayWindowMs } : {}),
    });
    return result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }
  if (verification.kind === 'shared-token') {
    return verifySharedToken(delivery.headers, { header: verification.header, tokens: secrets }) ? { ok: true } : { ok: false, reason: 'bad_token' };
  }
  return verifyBasicAuth(delivery.headers, { username: verification.username, passwords: secrets }) ? { ok: true } : { ok: false, reason: 'bad_credentials' };
}

/** True for the mechanisms that prove the body came from the provider. */
export function signsBody(intake: WebhookIntake): boolean {
  return intake.verification.kind === 'signature';
}

function readField(field: EventField, payload: unknown, headers: WebhookHeaders): unknown {
  return field.from === 'body' ? readPath(payload, field.path.split('.')) : singleHeader(headers, field.name.toLowerCase());
}

/** An event's identity: the dedupe key, the type the interpreter dispatches on, and its time. */
export interface EventIdentity {
  eventId: string;
  type: string;
  occurredAt?: number;
}

/**
 * Reads an event's id, type and time where the intake says they are. Undefined when the id or the
 * type is missing; a time that is present but unreadable throws a `contract_violation`.
 */
export function identifyEvent(intake: WebhookIntake, provider: string, payload: unknown, headers: WebhookHeaders): EventIdentity | undefined {
  let id: unknown;
  for (const field of intake.eventId) {
    id = readField(field, payload, headers);
    if (id !== undefined) break;
  }
  const type = readField(intake.eventType, payload, headers);
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0 || typeof type !== 'string' || type.length === 0) return undefined;
  const identity: EventIdentity = { eventId: String(id), type };
  if (intake.occurredAt === undefined) return identity;
  const raw = readField(intake.occurredAt.field, payload, headers);
  if (raw === undefined) return identity;
  const where = intake.occurredAt.field.from === 'body' ? intake.occurredAt.field.path : intake.occurredAt.field.name;
  return { ...identity, occurredAt: parseInstant(raw, intake.occurredAt.format, { provider, field: where }) };
}

/**
 * True when a scheme without a signed timestamp carries a signed event time older than the replay
 * window: a captured delivery sent again long after. Schemes that sign a timestamp enforce their
 * window while verifying.
 */
export function outsideReplayWindow(intake: WebhookIntake, identity: EventIdentity, now: number): boolean {
  if (intake.replayWindowMs === undefined || identity.occurredAt === undefined || !intake.signed.occurredAt) return false;
  if (intake.verification.kind === 'signature' && intake.verification.scheme.toleranceMs !== undefined) return false;
  return now - identity.occurredAt > intake.replayWindowMs;
}

/** A connector's `parseWebhook` starts here: an inauthentic delivery throws {@link webhookRefused}. */
export function assertAuthentic(intake: WebhookIntake, provider: string, delivery: IncomingDelivery, secrets: readonly string[]): void {
  const check = authenticateDelivery(intake, delivery, secrets);
  if (!check.ok) throw webhookRefused(provider, check.reason);
}

/** The JSON of a verified body; a signed body that is not JSON is the provider breaking its contract. */
export function verifiedBodyJson(provider: string, rawBody: Buffer | string): unknown {
  try {
    return JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')) as unknown;
  } catch {
    throw new IntegrationError('contract_violation', `${provider} webhook body is not JSON`, {
      provider,
      endpoint: 'webhook',
      reason: 'malformed_json',
      requestMayHaveReachedProvider: false,
    });
  }
}

/**
 * The error a connector's own `parseWebhook` throws for a delivery that fails authentication:
 * kind `auth`, reason `webhook_signature_invalid`, why in the message, never a secret.
 */
export function webhookRefused(provider: string, why: string): IntegrationError {
  return new IntegrationError('auth', `${provider} webhook refused: ${why}`, {
    provider,
    endpoint: 'webhook',
    reason: 'webhook_signature_invalid',
    requestMayHaveReachedProvider: false,
  });
}
