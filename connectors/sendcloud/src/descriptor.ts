import { defineConnector, parseCredentialPair, requireEnvList, type DocumentedLimits, type Environment } from '@interlock/core';
import { logisticsDomain, type LogisticsConnector } from '@interlock/logistics';
import { z } from 'zod';
import type { SendcloudCredentials } from './client.js';
import { createSendcloudConnector } from './connector.js';
import { sendcloudEndpoints } from './endpoints.js';
import { SENDCLOUD_RATE_LIMITS } from './limits.js';
import { SENDCLOUD_API_BASE_URL, SENDCLOUD_PROVIDER, SENDCLOUD_REPORTING_LAG_MS, SENDCLOUD_TOKEN_URL } from './provider.js';
import { webhookIntake } from './webhooks.js';

/**
 * The connector's options in the hub's config. Credentials are named by environment variable,
 * never written in the file; an option the schema does not know (a key pasted in) is refused.
 */
export const sendcloudConfigSchema = z
  .object({
    /** Production or a simulator, above the API version: each endpoint names its own `/v3` or `/v2`. */
    baseUrl: z
      .string()
      .url()
      // The versioned URL the specs name as `servers` would double the version in every path.
      .refine((url) => !/\/v\d+\/?$/.test(url), 'the base URL is above the API version (https://panel.sendcloud.sc/api)')
      .default(SENDCLOUD_API_BASE_URL),
    /** The variable holding the API keys: one, or two comma-separated while one is rotated. */
    apiKeysEnv: z.string().min(1).default('SENDCLOUD_API_KEYS'),
    /**
     * The variable holding an OAuth2 client as `client_id:client_secret`. Set, the connector
     * authenticates with client-credentials tokens instead of the API keys.
     */
    oauth2ClientEnv: z.string().min(1).optional(),
    /** Where tokens are issued: Sendcloud's, or a simulator's. */
    tokenUrl: z.string().url().default(SENDCLOUD_TOKEN_URL),
  })
  .strict();

export type SendcloudConfig = z.output<typeof sendcloudConfigSchema>;

/** The account's windows and each endpoint's, as the scorecard and the hub's console show them. */
const documentedLimits: DocumentedLimits = {
  account: SENDCLOUD_RATE_LIMITS.account,
  ...Object.fromEntries(Object.entries(sendcloudEndpoints).map(([name, endpoint]) => [name, endpoint.rateLimits ?? []])),
};

/** The API keys, or the OAuth2 client where the config names its variable. Errors name the variable, never its value. */
function credentialsOf(config: SendcloudConfig, env: Environment): SendcloudCredentials {
  if (config.oauth2ClientEnv === undefined) return { apiKeys: requireEnvList(env, config.apiKeysEnv, SENDCLOUD_PROVIDER) };
  const [value = ''] = requireEnvList(env, config.oauth2ClientEnv, SENDCLOUD_PROVIDER);
  const client = parseCredentialPair(value, SENDCLOUD_PROVIDER, `${config.oauth2ClientEnv} must be client_id:client_secret`);
  return { oauth2: { clientId: client.id, clientSecret: client.secret, tokenUrl: config.tokenUrl } };
}

/** What the hub loads from `{ "connector": "@interlock/sendcloud" }`: the connector and its rules, as data. */
export const descriptor = defineConnector<LogisticsConnector, typeof sendcloudConfigSchema>({
  id: SENDCLOUD_PROVIDER,
  domain: logisticsDomain,
  config: sendcloudConfigSchema,
  create: (config, context) =>
    createSendcloudConnector({
      ...credentialsOf(config, context.env),
      baseUrl: config.baseUrl,
      webhookSecrets: context.webhookSecrets,
      clock: context.clock,
      telemetry: context.telemetry,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    }),
  webhooks: webhookIntake,
  reportingLagMs: () => SENDCLOUD_REPORTING_LAG_MS,
  limits: documentedLimits,
  // Only what this package implements and tests itself; the hub brings dedupe, queues and alerts.
  capabilities: [
    'auth.secrets-store',
    'auth.webhook-signature-tested',
    'limits.per-endpoint',
    'limits.burst-sustained',
    'webhooks.verify-every-event',
    'webhooks.polling-fallback',
    'data.field-constants',
    'data.timezones-tested',
    'data.unknown-enum-alert',
    'data.pagination-tested',
  ],
});
