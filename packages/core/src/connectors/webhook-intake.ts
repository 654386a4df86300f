import { createHash } from 'node:crypto';
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

/**
 * The dedupe key of a provider whose event id the signature does not cover (Razorpay's
 * `x-razorpay-event-id` header) or that sends none: a SHA-256 of the body exactly as received.
 * A captured delivery resent under a new id is then still a duplicate, and a provider's own retry
 * of the same event (the same bytes) too.
 */
export const BODY_DIGEST = 'body-digest';

/** A provider's webhook rules as data: how deliveries are verified and where each event says who it is. */
export interface WebhookIntake {
  verification: WebhookVerification;
  /** The environment variable holding the webhook secrets (comma-separated, two during a rotation) unless the hub's config names another. */
  secretsEnv: string;
  /**
   * The dedupe key: where the provider's event id is (the first field present wins), only when the
   * signature covers it; otherwise {@link BODY_DIGEST}. {@link checkWebhookIntake} refuses a list
   * of fields that are not signed, so an id anyone can rewrite never decides what is a duplicate.
   */
  eventId: readonly EventField[] | typeof BODY_DIGEST;
  eventType: EventField;
  /** When the provider says the event happened, and in which format; absent when the provider does not say. */
  occurredAt?: { field: EventField; format: InstantFormat };
  /**
   * Which of the three the signature covers, checked against the verification when the connector
   * is defined: a body field is signed when the body is, a header only when the scheme names it
   * in `signedHeaders`. For {@link BODY_DIGEST}, `eventId` says whether the digested body is signed.
   */
  signed: { eventId: boolean; eventType: boolean; occurredAt: boolean };
  /**
   * How old a delivery may be. For a scheme that signs a timestamp this is its tolerance; otherwise
   * it applies to a signed `occurredAt`, which every delivery must then carry. Absent: no window
   * (dedupe and the stale guard carry it).
   */
  replayWindowMs?: number;
  /**
   * How long the provider keeps redelivering an event it got no 2xx for (Stripe: 3 days). The hub
   * remembers event ids at least this long, so a late redelivery is still known as a duplicate.
   * Absent: {@link DEFAULT_REDELIVERY_WINDOW_MS}.
   */
  redeliveryWindowMs?: number;
}

/** The redelivery window assumed for a provider that does not declare one: 3 days, the longest common one. */
export const DEFAULT_REDELIVERY_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

function describeField(field: EventField): string {
  return field.from === 'body' ? `body ${field.path}` : `header ${field.name.toLowerCase()}`;
}

function fieldIsSigned(intake: WebhookIntake, field: EventField): boolean {
  const { verification } = intake;
  if (verification.kind !== 'signature') return false;
  if (field.from === 'body') return true;
  return (verification.scheme.signedHeaders ?? []).includes(field.name.toLowerCase());
}

/**
 * Refuses an intake whose declaration of what is signed does not hold, naming the field: a field
 * declared signed that the verification does not cover, or an unsigned event id used as the
 * dedupe key. `defineConnector` calls it, so a wrong intake fails at import, not in production.
 */
export function checkWebhookIntake(owner: string, intake: WebhookIntake): void {
  const { eventId, signed } = intake;
  if (eventId === BODY_DIGEST) {
    if (signed.eventId !== signsBody(intake)) {
      throw new TypeError(`${owner}: webhooks.signed.eventId must be ${String(signsBody(intake))}: the event id is a digest of the body, which this verification ${signsBody(intake) ? 'signs' : 'does not sign'}`);
    }
  } else {
    if (eventId.length === 0) throw new TypeError(`${owner}: webhooks.eventId names no field`);
    if (!signed.eventId) throw new TypeError(`${owner}: an unsigned event id cannot be the dedupe key: declare webhooks.eventId as '${BODY_DIGEST}'`);
    for (const field of eventId) {
      if (!fieldIsSigned(intake, field)) throw new TypeError(`${owner}: webhooks.eventId reads ${describeField(field)}, which the verification does not sign`);
    }
  }
  const declared: readonly [string, EventField | undefined, boolean][] = [
    ['eventType', intake.eventType, signed.eventType],
    ['occurredAt', intake.occurredAt?.field, signed.occurredAt],
  ];
  for (const [name, field, isSigned] of declared) {
    if (field !== undefined && isSigned && !fieldIsSigned(intake, field)) {
      throw new TypeError(`${owner}: webhooks.signed.${name} is true but ${describeField(field)} is not signed by the verification`);
    }
  }
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

/** Why a delivery has no usable identity: which part, where it was looked for. Never a value from the body. */
export interface IdentityProblem {
  reason: 'missing_event_id' | 'missing_event_type' | 'missing_occurred_at' | 'malformed_occurred_at';
  /** For a reply or a log line, e.g. `event time (body created) is not a time in unix_seconds`. */
  message: string;
}

export type IdentityResult = { ok: true; identity: EventIdentity } | { ok: false; problem: IdentityProblem };

function nonEmptyKey(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function bodyDigest(rawBody: Buffer | string): string {
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

/** True when the replay window rests on `occurredAt`, so a delivery without it cannot be bounded. */
function windowNeedsTime(intake: WebhookIntake): boolean {
  return intake.replayWindowMs !== undefined && intake.signed.occurredAt && !schemeSignsTimestamp(intake);
}

function schemeSignsTimestamp(intake: WebhookIntake): boolean {
  return intake.verification.kind === 'signature' && intake.verification.scheme.toleranceMs !== undefined;
}

/**
 * Reads an event's dedupe key, type and time where the intake says they are, or says which of
 * them is missing or malformed. The key is a signed id, or the digest of the body where the
 * provider's id is unsigned; a time is required where the replay window depends on it.
 */
export function readEventIdentity(intake: WebhookIntake, payload: unknown, delivery: Pick<IncomingDelivery, 'rawBody' | 'headers'>): IdentityResult {
  const { headers } = delivery;
  const problem = (reason: IdentityProblem['reason'], message: string): IdentityResult => ({ ok: false, problem: { reason, message } });
  let eventId: string | undefined;
  if (intake.eventId === BODY_DIGEST) {
    eventId = bodyDigest(delivery.rawBody);
  } else {
    for (const field of intake.eventId) {
      eventId = nonEmptyKey(readField(field, payload, headers));
      if (eventId !== undefined) break;
    }
    if (eventId === undefined) return problem('missing_event_id', `no event id (${intake.eventId.map(describeField).join(' or ')})`);
  }
  const type = readField(intake.eventType, payload, headers);
  if (typeof type !== 'string' || type.length === 0) return problem('missing_event_type', `no event type (${describeField(intake.eventType)})`);
  const identity: EventIdentity = { eventId, type };
  if (intake.occurredAt === undefined) return { ok: true, identity };
  const { field, format } = intake.occurredAt;
  const raw = readField(field, payload, headers);
  if (raw === undefined) {
    return windowNeedsTime(intake) ? problem('missing_occurred_at', `no event time (${describeField(field)}), which the replay window needs`) : { ok: true, identity };
  }
  try {
    return { ok: true, identity: { ...identity, occurredAt: parseInstant(raw, format) } };
  } catch {
    return problem('malformed_occurred_at', `event time (${describeField(field)}) is not a time in ${format.kind}`);
  }
}

/**
 * Reads an event's identity as {@link readEventIdentity} does. Undefined when the id or the type
 * is missing; a time that is missing where the window needs it, or unreadable, throws a
 * `contract_violation` saying which field. An intake keyed by {@link BODY_DIGEST} needs `rawBody`.
 */
export function identifyEvent(intake: WebhookIntake, provider: string, payload: unknown, headers: WebhookHeaders, rawBody?: Buffer | string): EventIdentity | undefined {
  if (intake.eventId === BODY_DIGEST && rawBody === undefined) throw new TypeError(`${provider}: the event id is a digest of the body: pass the raw body to identifyEvent`);
  const result = readEventIdentity(intake, payload, { headers, rawBody: rawBody ?? '' });
  if (result.ok) return result.identity;
  if (result.problem.reason === 'missing_event_id' || result.problem.reason === 'missing_event_type') return undefined;
  throw new IntegrationError('contract_violation', `${provider} webhook: ${result.problem.message}`, {
    provider,
    endpoint: 'webhook',
    reason: result.problem.reason,
    requestMayHaveReachedProvider: false,
  });
}

/**
 * True when a scheme without a signed timestamp carries a signed event time older than the replay
 * window: a captured delivery sent again long after. Schemes that sign a timestamp enforce their
 * window while verifying.
 */
export function outsideReplayWindow(intake: WebhookIntake, identity: EventIdentity, now: number): boolean {
  if (intake.replayWindowMs === undefined || identity.occurredAt === undefined || !intake.signed.occurredAt) return false;
  if (schemeSignsTimestamp(intake)) return false;
  return now - identity.occurredAt > intake.replayWindowMs;
}

/** What the hub's ingress does with a delivery, decided before anything is stored. */
export type Admission =
  /** `text` is the body as the UTF-8 text that was parsed, so a caller storing it decodes it once. */
  | { ok: true; payload: unknown; text: string; identity: EventIdentity }
  | { ok: false; refusal: 'forged' | 'malformed' | 'expired'; reason: string };

/**
 * The whole check of one delivery, in the order that reads nothing unverified: authenticate,
 * parse the verified body, read its identity, then the replay window on a signed time. The
 * hub's ingress runs exactly this; a connector's `parseWebhook` runs the same steps.
 */
export function admitDelivery(intake: WebhookIntake, delivery: IncomingDelivery, secrets: readonly string[]): Admission {
  const check = authenticateDelivery(intake, delivery, secrets);
  if (!check.ok) return { ok: false, refusal: 'forged', reason: check.reason };
  const text = typeof delivery.rawBody === 'string' ? delivery.rawBody : delivery.rawBody.toString('utf8');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { ok: false, refusal: 'malformed', reason: 'body is not JSON' };
  }
  const identified = readEventIdentity(intake, payload, delivery);
  if (!identified.ok) return { ok: false, refusal: 'malformed', reason: identified.problem.message };
  if (outsideReplayWindow(intake, identified.identity, delivery.now)) return { ok: false, refusal: 'expired', reason: 'event time outside the replay window' };
  return { ok: true, payload, text, identity: identified.identity };
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
