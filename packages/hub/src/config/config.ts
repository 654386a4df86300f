import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The connector the hub reads the provider through (polling, reconciliation, interpreting its
 * webhooks). Credentials are named by environment variable, never written in the file.
 */
const connectorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stripe'),
    /** Secret keys, comma-separated: two while one is rotated (the first is used, the second takes over on a 401). */
    apiKeysEnv: z.string().default('STRIPE_API_KEYS'),
    mode: z.enum(['live', 'sandbox']).default('live'),
    baseUrl: z.string().url().optional(),
    /** Balance transactions are created when the money moves. */
    settlementLagHours: z.number().min(0).default(0),
  }),
  z.object({
    kind: z.literal('razorpay'),
    /** Key id and secret; comma-separated in both (same order) while a key pair is rotated. */
    keyIdEnv: z.string().default('RAZORPAY_KEY_ID'),
    keySecretEnv: z.string().default('RAZORPAY_KEY_SECRET'),
    baseUrl: z.string().url().optional(),
    /** Razorpay settles about two days after capture (T+2); set to your account's schedule. */
    settlementLagHours: z.number().min(0).default(48),
  }),
]);

const providerSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'provider names are lowercase letters, digits and dashes'),
  /** How its webhooks are authenticated. */
  verification: z.enum(['stripe', 'standard-webhooks', 'razorpay', 'hub-signature-256', 'hub-signature', 'shared-token', 'basic']),
  /** Environment variable holding the secrets, comma-separated (two during a rotation). Never the secrets themselves. */
  secretsEnv: z.string(),
  /** For shared-token: the header carrying the token. For basic: the user name. */
  tokenHeader: z.string().optional(),
  username: z.string().optional(),
  /** Where the event id, type and time are in the payload (dotted paths). */
  eventId: z.string().default('id'),
  /** A header carrying the event id, for providers that keep it out of the body (Razorpay's `x-razorpay-event-id`). */
  eventIdHeader: z.string().optional(),
  eventType: z.string().default('type'),
  occurredAt: z.string().optional(),
  occurredAtFormat: z.enum(['unix_seconds', 'unix_millis', 'iso8601']).default('unix_seconds'),
  connector: connectorSchema.optional(),
});

const storeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sqlite'), path: z.string().default('.interlock/hub.db') }),
  z.object({ kind: z.literal('postgres'), connectionStringEnv: z.string().default('DATABASE_URL') }),
]);

const queueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('store') }),
  z.object({ kind: z.literal('bullmq'), host: z.string().default('127.0.0.1'), port: z.number().int().default(6379) }),
]);

export const hubConfigSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(8787),
  store: storeSchema.default({ kind: 'sqlite', path: '.interlock/hub.db' }),
  queue: queueSchema.default({ kind: 'store' }),
  workers: z
    .object({
      concurrency: z.number().int().min(1).default(8),
      ratePerSecond: z.number().positive().optional(),
      maxAttempts: z.number().int().min(1).default(5),
    })
    .default({}),
  /** Largest webhook body accepted; larger is refused with 413 before it is read. */
  maxBodyBytes: z.number().int().min(1_024).default(1_048_576),
  /** Requests per minute per address to endpoints of providers that do not sign their webhooks. */
  unauthenticatedPerMinute: z.number().int().min(1).default(600),
  providers: z.array(providerSchema).default([]),
  /**
   * Payments of providers with a connector that are not settled yet are read from the provider,
   * first after `firstAfterSeconds` (the webhook usually comes sooner), backing off to `capSeconds`,
   * for at most `maxHours`; then they are reported.
   */
  polling: z
    .object({
      enabled: z.boolean().default(true),
      firstAfterSeconds: z.number().positive().default(60),
      capSeconds: z.number().positive().default(1_800),
      maxHours: z.number().positive().default(24),
    })
    .default({}),
  /** Each provider with a reconciliation job is compared with our records on this schedule. */
  reconciliation: z
    .object({
      enabled: z.boolean().default(true),
      everyHours: z.number().positive().default(24),
      lookbackHours: z.number().positive().default(24),
      /** Providers report a payment some time after it happened; the window ends this long before the run. */
      settleDelayHours: z.number().min(0).default(1),
      /** A run that could not finish (the provider was down) is tried again after this. */
      retryMinutes: z.number().positive().default(15),
    })
    .default({}),
});

export type HubConfig = z.output<typeof hubConfigSchema>;
export type ProviderConfig = HubConfig['providers'][number];
export type ConnectorConfig = NonNullable<ProviderConfig['connector']>;
export type HubConfigInput = z.input<typeof hubConfigSchema>;

/** Reads and checks a config file (JSON); every field has a default, so `{}` is a valid config. */
export function loadConfig(path: string | undefined, overrides: HubConfigInput = {}): HubConfig {
  const fromFile: unknown = path === undefined ? {} : JSON.parse(readFileSync(path, 'utf8'));
  const merged = { ...(fromFile as Record<string, unknown>), ...overrides };
  const parsed = hubConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new TypeError(`Invalid hub config${path ? ` in ${path}` : ''}: ${issues}`);
  }
  return parsed.data;
}

/** The secrets of one provider, from its environment variable; several during a rotation. */
export function providerSecrets(provider: ProviderConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  return (env[provider.secretsEnv] ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret.length > 0);
}
