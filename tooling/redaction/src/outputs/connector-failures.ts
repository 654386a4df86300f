import { MemoryTelemetrySink, OtelSpanSink, systemClock } from '@interlock/core';
import type { Credentials } from '../credentials.js';
import { echoingFetch } from '../echoing-provider.js';
import { credentialEnv, PROVIDERS, type SweptProvider } from '../providers.js';

/** What one connector left behind when every call it made was refused. */
export interface ConnectorFailure {
  provider: string;
  sink: MemoryTelemetrySink;
  error: unknown;
}

interface Reader {
  getPayment?: (id: string) => Promise<unknown>;
  track?: (numbers: readonly string[]) => Promise<unknown>;
}

// The one read every connector of its domain offers: a payment for payments, a parcel for logistics.
function readOnce(connector: Reader): Promise<unknown> {
  if (connector.getPayment) return connector.getPayment('pay_sweep_1');
  if (connector.track) return connector.track(['1Z999AA10123456784']);
  throw new TypeError('the sweep knows payments and logistics connectors only');
}

async function failOnce(provider: SweptProvider, credentials: Credentials, fetch: typeof globalThis.fetch): Promise<ConnectorFailure> {
  const sink = new MemoryTelemetrySink();
  const env = credentialEnv(credentials);
  const connector = provider.descriptor.create(provider.descriptor.config.parse(provider.options), {
    env,
    clock: systemClock,
    // Spans are built from the same events: one more output the credentials could reach.
    telemetry: [sink, new OtelSpanSink()],
    fetch,
    webhookSecrets: (env[provider.webhookSecretsEnv] ?? '').split(','),
  }) as Reader;
  try {
    await readOnce(connector);
  } catch (error) {
    return { provider: provider.name, sink, error };
  }
  throw new Error(`${provider.name}: a read from a provider that refuses everything succeeded`);
}

/**
 * Every connector built from the credential environment and read once from the echoing provider
 * (or whatever `fetch` stands in front of it: the mutant check puts a leaky one there).
 */
export function failEveryConnector(credentials: Credentials, fetch: typeof globalThis.fetch = echoingFetch(credentials)): Promise<ConnectorFailure[]> {
  return Promise.all(PROVIDERS.map((provider) => failOnce(provider, credentials, fetch)));
}
