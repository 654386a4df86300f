import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { alertsConfigSchema } from '../alerts/config.js';
import { LOG_LEVELS } from '../logging/log.js';
import { consoleConfigSchema } from '../console/config.js';

/**
 * One provider the hub runs: a connector, named by package (`@interlock/stripe`) or by a path to a
 * module exporting `descriptor`, with its own options, which its descriptor checks. Credentials
 * and webhook secrets are named by environment variable, never written in the file.
 */
const providerSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/, 'provider names are lowercase letters, digits and dashes'),
  connector: z.string().min(1),
  options: z.record(z.unknown()).default({}),
  /** The variable holding the webhook secrets (comma-separated, two during a rotation); default the connector's. */
  webhookSecretsEnv: z.string().optional(),
});

const storeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sqlite'),
    path: z.string().default('.interlock/hub.db'),
    /** `full`: an acknowledged event survives a power loss too, at one fsync per group commit. */
    synchronous: z.enum(['normal', 'full']).default('normal'),
  }),
  z.object({
    kind: z.literal('postgres'),
    connectionStringEnv: z.string().default('DATABASE_URL'),
    /** One schema per hub deployment: two hubs on one database with two schemas share nothing. */
    schema: z.string().min(1).default('interlock'),
  }),
]);

const queueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('store') }),
  z.object({
    kind: z.literal('bullmq'),
    host: z.string().default('127.0.0.1'),
    port: z.number().int().default(6379),
    /**
     * Prefix of every Redis key: two hubs on one Redis with two prefixes never see each other's
     * events. Default the adapter's (`bull`), so an upgrade keeps reading the queue it wrote.
     */
    prefix: z.string().min(1).optional(),
    /** Default the adapter's (`interlock-events`). */
    queueName: z.string().regex(/^[^:]+$/, 'queue names have no ":"').optional(),
    /** A Redis call that has not answered by then fails, so a webhook gets 503 and `/health` says down. */
    timeoutMs: z.number().int().min(1).default(2_000),
  }),
]);

/** Limits on what one client may hold: slow or silent connections are closed, and their number capped. */
const httpSchema = z
  .object({
    headersTimeoutMs: z.number().int().min(1).default(10_000),
    requestTimeoutMs: z.number().int().min(1).default(30_000),
    idleTimeoutMs: z.number().int().min(1).default(10_000),
    // Above the 60 s idle timeout of common load balancers, so the balancer closes first and
    // never sends a request down a connection the hub is closing.
    keepAliveTimeoutMs: z.number().int().min(1).default(65_000),
    maxRequestsPerSocket: z.number().int().min(0).default(1_000),
    maxConnections: z.number().int().min(1).default(1_024),
  })
  .refine((http) => http.headersTimeoutMs <= http.requestTimeoutMs, { message: 'headersTimeoutMs must not exceed requestTimeoutMs', path: ['headersTimeoutMs'] })
  .default({});

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
  http: httpSchema,
  /** Largest webhook body accepted; larger is refused with 413 before it is read. */
  maxBodyBytes: z.number().int().min(1_024).default(1_048_576),
  /** Requests per minute per address to endpoints of providers that do not sign their webhooks. */
  unauthenticatedPerMinute: z.number().int().min(1).default(600),
  providers: z.array(providerSchema).default([]),
  /**
   * Records that are not settled yet are read from their provider, first after `firstAfterSeconds`
   * (the webhook usually comes sooner), backing off to `capSeconds`, for at most `maxHours`; then
   * they are reported. Only for domains that poll. Without `maxHours`, each domain's own limit
   * (its polling's `openForHours`: weeks for a parcel), else 24 hours.
   */
  polling: z
    .object({
      enabled: z.boolean().default(true),
      firstAfterSeconds: z.number().positive().default(60),
      capSeconds: z.number().positive().default(1_800),
      maxHours: z.number().positive().optional(),
    })
    .default({}),
  /**
   * Settled events (not dead letters) are forgotten once older than `keepHours`, which must cover
   * the longest redelivery window of the configured providers; without it, that window.
   */
  retention: z
    .object({
      enabled: z.boolean().default(true),
      keepHours: z.number().positive().optional(),
      everyMinutes: z.number().positive().default(60),
    })
    .default({}),
  /** Each provider with a reconciliation job is compared with our records on this schedule. */
  reconciliation: z
    .object({
      enabled: z.boolean().default(true),
      everyHours: z.number().positive().default(24),
      lookbackHours: z.number().positive().default(24),
      /** Providers report a change some time after it happened; the window ends this long before the run. */
      settleDelayHours: z.number().min(0).default(1),
      /** A run that could not finish (the provider was down) is tried again after this. */
      retryMinutes: z.number().positive().default(15),
    })
    .default({}),
  /** Rules over the hub's own telemetry, each alert with an owner and a route; by default to the log. */
  alerts: alertsConfigSchema.default({}),
  /** JSON lines on standard error from `level` up; `LOG_LEVEL` in the environment overrides it. */
  log: z.object({ level: z.enum(LOG_LEVELS).default('info') }).default({}),
  /** The support console under `/console`: operators sign in with a token read from the variable their entry names. */
  console: consoleConfigSchema.default({}),
});

export type HubConfig = z.output<typeof hubConfigSchema>;
export type ProviderConfig = HubConfig['providers'][number];
export type HubConfigInput = z.input<typeof hubConfigSchema>;

/** A config's problems as `path: message`, for the error that stops the start. */
export function describeConfigIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Reads and checks a config file (JSON); every field has a default, so `{}` is a valid config. */
export function loadConfig(path: string | undefined, overrides: HubConfigInput = {}): HubConfig {
  const fromFile: unknown = path === undefined ? {} : JSON.parse(readFileSync(path, 'utf8'));
  const merged = { ...(fromFile as Record<string, unknown>), ...overrides };
  const parsed = hubConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new TypeError(`Invalid hub config${path ? ` in ${path}` : ''}: ${describeConfigIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** Where a config's connector packages and paths are resolved from: its own folder, or the working directory. */
export function configDir(path: string | undefined): string {
  return path === undefined ? process.cwd() : dirname(resolve(path));
}
