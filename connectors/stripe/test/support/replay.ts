import { FakeClock, MemoryTelemetrySink, replayFixtures, type Fixture, type FixtureReplay } from '@interlock/testkit';
import { createStripeConnector, STRIPE_API_BASE_URL, type StripeConnector } from '../../src/index.js';
import { fixture } from './fixtures.js';
import { TEST_API_KEY, WEBHOOK_SECRET } from './secrets.js';

/** A connector on Stripe's real base URL, answered only by the named recorded exchanges. */
export interface ReplayStage {
  connector: StripeConnector;
  replay: FixtureReplay;
  sink: MemoryTelemetrySink;
  clock: FakeClock;
}

export function replayStage(names: readonly (string | Fixture)[]): ReplayStage {
  const replay = replayFixtures(
    STRIPE_API_BASE_URL,
    names.map((name) => (typeof name === 'string' ? fixture(name) : name)),
  );
  const clock = new FakeClock({ autoAdvance: true });
  const sink = new MemoryTelemetrySink();
  const connector = createStripeConnector({
    credentials: { apiKey: TEST_API_KEY },
    webhookSecrets: [WEBHOOK_SECRET],
    clock,
    fetch: clock.trackFetch(),
    telemetry: [sink],
  });
  return { connector, replay, sink, clock };
}
