import { defineConnector, requireEnvList, type DocumentedLimits } from '@interlock/core';
import { logisticsDomain, type LogisticsConnector } from '@interlock/logistics';
import { z } from 'zod';
import { createDhlConnector } from './connector.js';
import { dhlEndpoints } from './endpoints.js';
import { DHL_RATE_LIMITS } from './limits.js';
import { DHL_API_BASE_URL, DHL_PROVIDER, DHL_REPORTING_LAG_MS } from './provider.js';
import { webhookIntake } from './webhooks.js';

/**
 * The connector's options in the hub's config. Credentials are named by environment variable,
 * never written in the file; an option the schema does not know (a key pasted in) is refused.
 */
export const dhlConfigSchema = z
  .object({
    /** Production, DHL's test server, or a simulator. */
    baseUrl: z.string().url().default(DHL_API_BASE_URL),
    /** The variable holding the DHL-API-Keys: one, or two comma-separated while one is rotated. */
    apiKeysEnv: z.string().min(1).default('DHL_API_KEYS'),
  })
  .strict();

export type DhlConfig = z.output<typeof dhlConfigSchema>;

/** The account's windows and each endpoint's, as the scorecard and the hub's console show them. */
const documentedLimits: DocumentedLimits = {
  account: DHL_RATE_LIMITS.account,
  ...Object.fromEntries(Object.entries(dhlEndpoints).map(([name, endpoint]) => [name, endpoint.rateLimits])),
};

/** What the hub loads from `{ "connector": "@interlock/dhl" }`: the connector and its rules, as data. */
export const descriptor = defineConnector<LogisticsConnector, typeof dhlConfigSchema>({
  id: DHL_PROVIDER,
  domain: logisticsDomain,
  config: dhlConfigSchema,
  create: (config, context) =>
    createDhlConnector({
      baseUrl: config.baseUrl,
      apiKeys: requireEnvList(context.env, config.apiKeysEnv, DHL_PROVIDER),
      clock: context.clock,
      telemetry: context.telemetry,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    }),
  webhooks: webhookIntake,
  reportingLagMs: () => DHL_REPORTING_LAG_MS,
  limits: documentedLimits,
  // Only what this package implements and tests itself; DHL has no webhooks to verify.
  capabilities: ['auth.secrets-store', 'limits.per-endpoint', 'webhooks.polling-fallback', 'data.field-constants', 'data.timezones-tested', 'data.unknown-enum-alert', 'data.pagination-tested'],
});
