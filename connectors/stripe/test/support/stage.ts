import { FakeClock, MemoryTelemetrySink } from '@interlock/testkit';
import { createStripeConnector, type StripeConnector, type StripeConnectorOptions } from '../../src/index.js';
import { createStripeSimulation, type StripeSimulation } from '../../testing/index.js';
import { TEST_API_KEY, WEBHOOK_SECRET } from './secrets.js';

/** A connector wired to a fresh Stripe simulation on one auto-advancing fake clock. */
export interface SimulatedStripe {
  clock: FakeClock;
  simulation: StripeSimulation;
  connector: StripeConnector;
  sink: MemoryTelemetrySink;
  close(): Promise<void>;
}

export async function simulatedStripe(overrides: Partial<StripeConnectorOptions> = {}, seed = 3): Promise<SimulatedStripe> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulation = await createStripeSimulation({ clock, webhookSecret: WEBHOOK_SECRET, seed });
  const sink = new MemoryTelemetrySink();
  const connector = createStripeConnector({
    baseUrl: simulation.simulator.url,
    credentials: { apiKey: TEST_API_KEY },
    webhookSecrets: [WEBHOOK_SECRET],
    clock,
    fetch: clock.trackFetch(),
    telemetry: [sink],
    ...overrides,
  });
  return { clock, simulation, connector, sink, close: () => simulation.simulator.close() };
}
