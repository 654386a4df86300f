import { randomBytes } from 'node:crypto';
import { envList, type Clock, type ConnectorDescriptor, type Environment, type EventInterpreter, type IdempotencyStore, type TelemetrySink } from '@interlock/core';
import { describeConfigIssues, type HubConfig, type ProviderConfig } from '../config/config.js';
import { loadDescriptor, type KnownDescriptors } from './load-descriptor.js';

/** One configured provider as the hub runs it: its descriptor, its connector and its domain's interpreter. */
export interface RunningProvider {
  name: string;
  descriptor: ConnectorDescriptor<unknown>;
  connector: unknown;
  /** The webhook secrets its deliveries are verified with (two during a rotation). */
  webhookSecrets: readonly string[];
  interpreter: EventInterpreter;
  /** How long after a change the provider's reports show it. */
  reportingLagMs: number;
}

export interface ProviderEnvironment {
  env: Environment;
  clock: Clock;
  telemetry: readonly TelemetrySink[];
  fetch?: typeof fetch | undefined;
  /** Where connector packages and paths are resolved from: the config file's folder. */
  baseDir: string;
  /** The hub's store, handed to every connector as its durable idempotency store. */
  idempotencyStore?: IdempotencyStore | undefined;
  descriptors?: KnownDescriptors | undefined;
}

/**
 * Whether the connector receives webhooks, as its descriptor's readiness claims say: one that
 * verifies every event takes them; one that claims only the polling fallback is moved by polling
 * alone (a carrier whose tracking API sends none). Only the latter may start without secrets.
 */
function takesWebhooks(descriptor: ConnectorDescriptor<unknown>): boolean {
  const { capabilities } = descriptor;
  return capabilities.includes('webhooks.verify-every-event') || !capabilities.includes('webhooks.polling-fallback');
}

/**
 * The secret a provider that takes no webhooks is given when none is configured: made at start,
 * held nowhere else and never shown, so every delivery to its path fails verification (400), as
 * one with a wrong secret does, and nothing unverified is ever read.
 */
function unguessableSecret(): string {
  return randomBytes(32).toString('base64url');
}

async function openProvider(provider: ProviderConfig, environment: ProviderEnvironment): Promise<RunningProvider> {
  const descriptor = await loadDescriptor(provider.connector, environment.baseDir, environment.descriptors);
  const parsed = descriptor.config.safeParse(provider.options);
  if (!parsed.success) throw new TypeError(`Provider ${provider.name}: invalid options for ${provider.connector}: ${describeConfigIssues(parsed.error)}`);
  const secretsEnv = provider.webhookSecretsEnv ?? descriptor.webhooks.secretsEnv;
  const configured = envList(environment.env, secretsEnv);
  if (configured.length === 0 && takesWebhooks(descriptor)) throw new TypeError(`Provider ${provider.name}: no webhook secrets in environment variable ${secretsEnv}`);
  const webhookSecrets = configured.length > 0 ? configured : [unguessableSecret()];
  const options: unknown = parsed.data;
  const created = descriptor.create(options, {
    env: environment.env,
    clock: environment.clock,
    telemetry: environment.telemetry,
    fetch: environment.fetch,
    webhookSecrets,
    idempotencyStore: environment.idempotencyStore,
  });
  const connector = descriptor.domain.hold?.(created, { clock: environment.clock }) ?? created;
  return {
    name: provider.name,
    descriptor,
    connector,
    webhookSecrets,
    interpreter: descriptor.domain.interpreter(created),
    reportingLagMs: descriptor.reportingLagMs(options),
  };
}

/** Loads, checks and creates every provider the config names; a bad one fails the start with its reason. */
export async function openProviders(config: HubConfig, environment: ProviderEnvironment): Promise<RunningProvider[]> {
  const names = new Set<string>();
  for (const provider of config.providers) {
    if (names.has(provider.name)) throw new TypeError(`Provider ${provider.name} is configured twice`);
    names.add(provider.name);
  }
  return Promise.all(config.providers.map((provider) => openProvider(provider, environment)));
}
