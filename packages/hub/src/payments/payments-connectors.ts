import { ApiKeyRing, type Clock, type TelemetrySink } from '@interlock/core';
import type { PaymentsConnector } from '@interlock/payments';
import { createRazorpayConnector } from '@interlock/razorpay';
import { createStripeConnector } from '@interlock/stripe';
import { providerSecrets, type ProviderConfig } from '../config/config.js';

export interface ConnectorEnvironment {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  fetch?: typeof fetch;
}

function required(env: NodeJS.ProcessEnv, name: string, provider: string): string {
  const value = env[name]?.trim();
  if (!value) throw new TypeError(`Provider ${provider}: environment variable ${name} is not set`);
  return value;
}

/**
 * The payments connector a provider's config names, with its credentials read from the
 * environment once; undefined when the provider has no connector (its webhooks are then only
 * stored and applied by the interpreter the embedding code gives).
 */
export function paymentsConnectorFor(provider: ProviderConfig, environment: ConnectorEnvironment): PaymentsConnector | undefined {
  const { connector } = provider;
  if (connector === undefined) return undefined;
  const { env, clock, telemetry } = environment;
  const common = { clock, telemetry, webhookSecrets: providerSecrets(provider, env), ...(environment.fetch ? { fetch: environment.fetch } : {}) };
  if (connector.kind === 'stripe') {
    const secrets = required(env, connector.apiKeysEnv, provider.name).split(',').map((key) => key.trim()).filter((key) => key.length > 0);
    const keys = new ApiKeyRing({ provider: 'stripe', clock, keys: secrets.map((secret, index) => ({ id: `${connector.apiKeysEnv}#${index + 1}`, secret })) });
    return createStripeConnector({ ...common, credentials: { keys }, mode: connector.mode, ...(connector.baseUrl ? { baseUrl: connector.baseUrl } : {}) });
  }
  return createRazorpayConnector({
    ...common,
    credentials: { keyId: required(env, connector.keyIdEnv, provider.name), keySecret: required(env, connector.keySecretEnv, provider.name) },
    ...(connector.baseUrl ? { baseUrl: connector.baseUrl } : {}),
  });
}

/** How long after money moves the provider's settlement reports it, per the provider's config. */
export function settlementLagMs(provider: ProviderConfig): number {
  return (provider.connector?.settlementLagHours ?? 0) * 3_600_000;
}
