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

function list(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
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
    const keys = new ApiKeyRing({ provider: 'stripe', clock, keys: list(required(env, connector.apiKeysEnv, provider.name)).map((secret, index) => ({ id: `${connector.apiKeysEnv}#${index + 1}`, secret })) });
    return createStripeConnector({ ...common, credentials: { keys }, mode: connector.mode, ...(connector.baseUrl ? { baseUrl: connector.baseUrl } : {}) });
  }
  // Comma-separated in both variables while a key pair is rotated: the n-th id goes with the n-th secret.
  const ids = list(required(env, connector.keyIdEnv, provider.name));
  const secrets = list(required(env, connector.keySecretEnv, provider.name));
  if (ids.length !== secrets.length) {
    throw new TypeError(`Provider ${provider.name}: ${connector.keyIdEnv} holds ${ids.length} key ids but ${connector.keySecretEnv} ${secrets.length} secrets`);
  }
  return createRazorpayConnector({
    ...common,
    credentials: { keys: ids.map((keyId, index) => ({ keyId, keySecret: secrets[index] as string })) },
    ...(connector.baseUrl ? { baseUrl: connector.baseUrl } : {}),
  });
}

/** How long after money moves the provider's settlement reports it, per the provider's config. */
export function settlementLagMs(provider: ProviderConfig): number {
  return (provider.connector?.settlementLagHours ?? 0) * 3_600_000;
}
