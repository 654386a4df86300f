import { envList, type Clock, type ConnectorDescriptor, type Environment, type EventInterpreter, type TelemetrySink } from '@interlock/core';
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
  descriptors?: KnownDescriptors | undefined;
}

async function openProvider(provider: ProviderConfig, environment: ProviderEnvironment): Promise<RunningProvider> {
  const descriptor = await loadDescriptor(provider.connector, environment.baseDir, environment.descriptors);
  const parsed = descriptor.config.safeParse(provider.options);
  if (!parsed.success) throw new TypeError(`Provider ${provider.name}: invalid options for ${provider.connector}: ${describeConfigIssues(parsed.error)}`);
  const secretsEnv = provider.webhookSecretsEnv ?? descriptor.webhooks.secretsEnv;
  const webhookSecrets = envList(environment.env, secretsEnv);
  if (webhookSecrets.length === 0) throw new TypeError(`Provider ${provider.name}: no webhook secrets in environment variable ${secretsEnv}`);
  const options: unknown = parsed.data;
  const connector = descriptor.create(options, {
    env: environment.env,
    clock: environment.clock,
    telemetry: environment.telemetry,
    fetch: environment.fetch,
    webhookSecrets,
  });
  return {
    name: provider.name,
    descriptor,
    connector,
    webhookSecrets,
    interpreter: descriptor.domain.interpreter(connector),
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
