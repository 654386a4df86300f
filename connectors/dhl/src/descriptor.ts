import { defineConnector, requireEnvList, type DocumentedLimits, type Environment } from '@interlock/core';
import { logisticsDomain, type LogisticsConnector } from '@interlock/logistics';
import { z } from 'zod';
import type { DhlExpressCredentials } from './client.js';
import { createDhlConnector } from './connector.js';
import { dhlEndpoints, dhlExpressEndpoints } from './endpoints.js';
import { DHL_RATE_LIMITS } from './limits.js';
import { DHL_API_BASE_URL, DHL_EXPRESS_BASE_URL, DHL_PROVIDER, DHL_REPORTING_LAG_MS } from './provider.js';
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
    /** DHL Express production, its test environment, or a simulator. */
    expressBaseUrl: z.string().url().default(DHL_EXPRESS_BASE_URL),
    /** The variables holding the MyDHL API user name and password: both set, or neither (tracking only). */
    expressUsernameEnv: z.string().min(1).default('DHL_EXPRESS_USERNAME'),
    expressPasswordEnv: z.string().min(1).default('DHL_EXPRESS_PASSWORD'),
    /** The variable holding the DHL Express account shipments are billed to; required with the pair. */
    expressAccountEnv: z.string().min(1).default('DHL_EXPRESS_ACCOUNT_NUMBER'),
  })
  .strict();

export type DhlConfig = z.output<typeof dhlConfigSchema>;

/**
 * The Express credentials, when the pair is set. Half a pair, or a pair without its account, is a
 * configuration mistake named by variable (never by value), not a silent fall back to tracking only.
 */
function expressCredentials(config: DhlConfig, env: Environment): DhlExpressCredentials | undefined {
  const username = env[config.expressUsernameEnv] ?? '';
  const password = env[config.expressPasswordEnv] ?? '';
  if (username === '' && password === '') return undefined;
  const missing = [username === '' ? config.expressUsernameEnv : undefined, password === '' ? config.expressPasswordEnv : undefined].filter((name) => name !== undefined);
  if (missing.length > 0) throw new TypeError(`${DHL_PROVIDER}: DHL Express needs both ${config.expressUsernameEnv} and ${config.expressPasswordEnv}; ${missing.join(' and ')} is not set`);
  const accountNumber = env[config.expressAccountEnv] ?? '';
  if (accountNumber === '') throw new TypeError(`${DHL_PROVIDER}: environment variable ${config.expressAccountEnv} is not set (DHL Express bills shipments to it)`);
  return { username, password, accountNumber };
}

/**
 * The account's windows and each endpoint's, as the scorecard and the hub's console show them.
 * DHL Express documents none (limits.ts), so its endpoints are not listed with made-up ones.
 */
const documentedLimits: DocumentedLimits = {
  account: DHL_RATE_LIMITS.account,
  ...Object.fromEntries(
    Object.entries({ ...dhlEndpoints, ...dhlExpressEndpoints })
      .filter(([, endpoint]) => endpoint.rateLimits.length > 0)
      .map(([name, endpoint]) => [name, endpoint.rateLimits]),
  ),
};

/** What the hub loads from `{ "connector": "@interlock/dhl" }`: the connector and its rules, as data. */
export const descriptor = defineConnector<LogisticsConnector, typeof dhlConfigSchema>({
  id: DHL_PROVIDER,
  domain: logisticsDomain,
  config: dhlConfigSchema,
  create: (config, context) => {
    const express = expressCredentials(config, context.env);
    return createDhlConnector({
      baseUrl: config.baseUrl,
      apiKeys: requireEnvList(context.env, config.apiKeysEnv, DHL_PROVIDER),
      ...(express === undefined ? {} : { express: { ...express, baseUrl: config.expressBaseUrl } }),
      clock: context.clock,
      telemetry: context.telemetry,
      ...(context.fetch ? { fetch: context.fetch } : {}),
    });
  },
  webhooks: webhookIntake,
  reportingLagMs: () => DHL_REPORTING_LAG_MS,
  limits: documentedLimits,
  // Only what this package implements and tests itself; DHL has no webhooks to verify.
  capabilities: ['auth.secrets-store', 'limits.per-endpoint', 'webhooks.polling-fallback', 'data.field-constants', 'data.timezones-tested', 'data.unknown-enum-alert', 'data.pagination-tested'],
});
