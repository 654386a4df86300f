import { afterEach } from 'vitest';
import {
  createProviderClient,
  type EndpointConfig,
  type ProviderClient,
  type ProviderClientOptions,
} from '../../src/index.js';
import { FakeClock, FaultServer, MemoryTelemetrySink } from '../../src/testing.js';

export interface Harness<E extends string> {
  clock: FakeClock;
  server: FaultServer;
  sink: MemoryTelemetrySink;
  client: ProviderClient<E>;
}

const open: FaultServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/**
 * A client wired to a real loopback FaultServer, both on one auto-advancing fake clock: every
 * backoff, Retry-After and rate-limit wait is virtual, every byte is real HTTP.
 */
export async function harness<E extends string>(
  endpoints: Readonly<Record<E, EndpointConfig>>,
  options: Partial<ProviderClientOptions<E>> = {},
): Promise<Harness<E>> {
  const clock = new FakeClock({ autoAdvance: true });
  const server = await FaultServer.start(clock);
  open.push(server);
  const sink = new MemoryTelemetrySink();
  const client = createProviderClient<E>({
    provider: 'acme',
    baseUrl: server.url,
    endpoints,
    clock,
    fetch: clock.trackFetch(),
    telemetry: [sink],
    random: () => 0.5,
    ...options,
  });
  return { clock, server, sink, client };
}

export { maxInAnyWindow } from '../../src/testing.js';
