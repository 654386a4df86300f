import type { z } from 'zod';
import type { Clock } from '../clock/clock.js';
import { parseDottedPath } from '../fields/dotted-path.js';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import type { RateWindow } from '../rate-limit/index.js';
import type { TelemetrySink } from '../telemetry/telemetry.js';
import type { DomainPlugin } from './domain-plugin.js';
import type { Environment } from './environment.js';
import { isReadinessCapability, type ReadinessCapability } from './readiness.js';
import { BODY_DIGEST, checkWebhookIntake, type WebhookIntake } from './webhook-intake.js';

/** What a connector is built with when the hub (or the CLI) creates it from config. */
export interface ConnectorContext {
  /** Where credentials are read, by the variable names the connector's config gives. */
  env: Environment;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  /** Default global fetch; tests and the demo point it at simulators. */
  fetch?: typeof fetch | undefined;
  /** The webhook secrets the deliveries are verified with, for the connector's own `parseWebhook`. */
  webhookSecrets: readonly string[];
  /**
   * The hub's durable idempotency store (its SQLite or PostgreSQL store), shared by its processes:
   * where a connector keeps what must outlive a call, such as which creates a provider cannot
   * dedupe were already sent (Razorpay orders).
   */
  idempotencyStore?: IdempotencyStore | undefined;
}

/** A provider's documented limits for one endpoint, or `account` for the account-wide ones. */
export type DocumentedLimits = Readonly<Record<string, readonly RateWindow[]>>;

/**
 * Everything the hub and tooling need to know about one connector, mostly as data. Each connector
 * package exports one as `descriptor`; nothing outside the connector knows its provider's rules.
 */
export interface ConnectorDescriptor<C, S extends z.ZodTypeAny = z.ZodTypeAny> {
  /** The provider's id, as it appears in records, errors and telemetry, e.g. `stripe`. */
  readonly id: string;
  /** The domain the connector implements; its plug-in tells the hub how to run it. */
  readonly domain: DomainPlugin<C>;
  /** The connector's options in the hub's config: credentials by environment variable name, never values. */
  readonly config: S;
  create(config: z.output<S>, context: ConnectorContext): C;
  readonly webhooks: WebhookIntake;
  /** How long after a change the provider's reports (settlements) show it; 0 when at once. */
  reportingLagMs(config: z.output<S>): number;
  readonly limits: DocumentedLimits;
  /** The readiness items the connector implements itself, for the scorecard. */
  readonly capabilities: readonly ReadinessCapability[];
}

const ID = /^[a-z][a-z0-9-]*$/;

/** Declares a connector's descriptor, checked at definition so a bad one fails at import, not in production. */
export function defineConnector<C, S extends z.ZodTypeAny>(descriptor: ConnectorDescriptor<C, S>): ConnectorDescriptor<C, S> {
  if (!ID.test(descriptor.id)) throw new TypeError(`Connector id "${descriptor.id}" must be lowercase letters, digits and dashes`);
  for (const capability of descriptor.capabilities) {
    if (!isReadinessCapability(capability)) throw new TypeError(`${descriptor.id}: unknown readiness capability "${String(capability)}"`);
  }
  const { webhooks } = descriptor;
  checkWebhookIntake(descriptor.id, webhooks);
  // A body path with an empty or reserved segment fails here, at import, not on the first delivery.
  const idFields = webhooks.eventId === BODY_DIGEST ? [] : webhooks.eventId;
  for (const field of [...idFields, webhooks.eventType, ...(webhooks.occurredAt ? [webhooks.occurredAt.field] : [])]) {
    if (field.from === 'body') parseDottedPath(field.path);
  }
  for (const [endpoint, windows] of Object.entries(descriptor.limits)) {
    for (const window of windows) {
      if (!(window.limit > 0) || !(window.windowMs > 0)) throw new TypeError(`${descriptor.id}: limit of ${endpoint} must be positive`);
    }
  }
  return Object.freeze(descriptor);
}

/** Whether a module's export looks like a connector descriptor (the hub loads them by package name). */
export function isConnectorDescriptor(value: unknown): value is ConnectorDescriptor<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ConnectorDescriptor<unknown>, unknown>>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.create === 'function' &&
    typeof candidate.domain === 'object' &&
    candidate.domain !== null &&
    typeof candidate.webhooks === 'object' &&
    typeof candidate.config === 'object'
  );
}
