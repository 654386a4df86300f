import { ApiKeyRing, defineConnector, requireEnvList, type ConnectorContext, type DocumentedLimits, type ReadinessCapability } from '@interlock/core';
import { paymentsDomain } from '@interlock/payments';
import { z } from 'zod';
import { createStripeConnector, type StripeConnector } from './connector.js';
import { stripeEndpoints } from './endpoints.js';
import { STRIPE_RATE_LIMITS } from './limits.js';
import { STRIPE_PROVIDER } from './provider.js';
import { webhookIntake } from './webhooks.js';

const HOUR_MS = 3_600_000;

/**
 * The connector's options in the hub's config. The keys are named by variable, never written
 * there; an option the schema does not know (a key pasted in) is refused.
 */
export const stripeConfigSchema = z
  .object({
    /** Secret keys, comma-separated: two while one is rotated (the first is used, the other takes over on a 401). */
    apiKeysEnv: z.string().min(1).default('STRIPE_API_KEYS'),
    mode: z.enum(['live', 'sandbox']).default('live'),
    baseUrl: z.string().url().optional(),
    /** Balance transactions are created when the money moves, so Stripe reports at once by default. */
    settlementLagHours: z.number().min(0).default(0),
  })
  .strict();

export type StripeConfig = z.output<typeof stripeConfigSchema>;

/** Builds the connector from config; each key's id is its variable and position, so telemetry can name it without its value. */
function create(options: StripeConfig, ctx: ConnectorContext): StripeConnector {
  const secrets = requireEnvList(ctx.env, options.apiKeysEnv, STRIPE_PROVIDER);
  const keys = new ApiKeyRing({
    provider: STRIPE_PROVIDER,
    clock: ctx.clock,
    keys: secrets.map((secret, index) => ({ id: `${options.apiKeysEnv}#${index + 1}`, secret })),
  });
  return createStripeConnector({
    credentials: { keys },
    webhookSecrets: ctx.webhookSecrets,
    mode: options.mode,
    clock: ctx.clock,
    telemetry: ctx.telemetry,
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
  });
}

/**
 * Stripe's documented limits for a live key, read from the same endpoint table the client
 * enforces (a sandbox key's account budget is lower: see `STRIPE_RATE_LIMITS`).
 */
function documentedLimits(): DocumentedLimits {
  const live = STRIPE_RATE_LIMITS.live;
  const perEndpoint = Object.entries(stripeEndpoints(live)).map(([name, endpoint]) => [name, endpoint.rateLimits] as const);
  return { account: live.account, ...Object.fromEntries(perEndpoint) };
}

/** What this package implements and tests itself; the hub and core bring the rest (dedupe, queues, retries, alerts). */
const capabilities: readonly ReadinessCapability[] = [
  'auth.secrets-store',
  'auth.webhook-signature-tested',
  'auth.key-rotation',
  'limits.per-endpoint',
  'webhooks.verify-every-event',
  'webhooks.polling-fallback',
  'data.field-constants',
  'data.coercions-tested',
  'data.unknown-enum-alert',
  'data.pagination-tested',
];

/** The Stripe connector as the hub and tooling load it. */
export const descriptor = defineConnector({
  id: STRIPE_PROVIDER,
  domain: paymentsDomain,
  config: stripeConfigSchema,
  create,
  webhooks: webhookIntake,
  reportingLagMs: (options) => options.settlementLagHours * HOUR_MS,
  limits: documentedLimits(),
  capabilities,
});
