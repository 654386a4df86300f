import { defineConnector, parseCredentialPair, requireEnvList, type DocumentedLimits } from '@interlock/core';
import { logisticsDomain, type LogisticsConnector } from '@interlock/logistics';
import { z } from 'zod';
import { createUpsConnector } from './connector.js';
import { upsEndpoints } from './endpoints.js';
import { UPS_RATE_LIMITS } from './limits.js';
import { UPS_API_BASE_URL, UPS_DEFAULT_LOCAL_ZONE, UPS_PROVIDER, UPS_REPORTING_LAG_MS } from './provider.js';
import { webhookIntake } from './webhooks.js';

/**
 * The connector's options in the hub's config. Credentials are named by environment variable,
 * never written in the file; an option the schema does not know (a secret pasted in) is refused.
 */
export const upsConfigSchema = z
  .object({
    /** Production, CIE (`https://wwwcie.ups.com`), or a simulator. */
    baseUrl: z.string().url().default(UPS_API_BASE_URL),
    /** The variable holding the OAuth2 client as `client_id:client_secret`. */
    clientEnv: z.string().min(1).default('UPS_CLIENT'),
    /** The IANA zone zone-less scan times are read in. */
    localZone: z.string().min(1).default(UPS_DEFAULT_LOCAL_ZONE),
  })
  .strict();

export type UpsConfig = z.output<typeof upsConfigSchema>;

/** The account's windows and each endpoint's, as the scorecard and the hub's console show them. */
const documentedLimits: DocumentedLimits = {
  account: UPS_RATE_LIMITS.account,
  ...Object.fromEntries(Object.entries(upsEndpoints).map(([name, endpoint]) => [name, endpoint.rateLimits])),
};

function clientOf(env: Readonly<Record<string, string | undefined>>, variable: string): { clientId: string; clientSecret: string } {
  const [value = ''] = requireEnvList(env, variable, UPS_PROVIDER);
  const client = parseCredentialPair(value, UPS_PROVIDER, `${variable} must be client_id:client_secret`);
  return { clientId: client.id, clientSecret: client.secret };
}

/** What the hub loads from `{ "connector": "@interlock/ups" }`: the connector and its rules, as data. */
export const descriptor = defineConnector<LogisticsConnector, typeof upsConfigSchema>({
  id: UPS_PROVIDER,
  domain: logisticsDomain,
  config: upsConfigSchema,
  create: (config, context) =>
    createUpsConnector({
      baseUrl: config.baseUrl,
      credentials: clientOf(context.env, config.clientEnv),
      webhookSecrets: context.webhookSecrets,
      localZone: config.localZone,
      clock: context.clock,
      telemetry: context.telemetry,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    }),
  webhooks: webhookIntake,
  reportingLagMs: () => UPS_REPORTING_LAG_MS,
  limits: documentedLimits,
  // Only what this package implements and tests itself; the hub brings dedupe, queues and alerts.
  capabilities: [
    'auth.secrets-store',
    'limits.per-endpoint',
    'limits.burst-sustained',
    'webhooks.verify-every-event',
    'webhooks.polling-fallback',
    'data.field-constants',
    'data.timezones-tested',
    'data.unknown-enum-alert',
  ],
});
