import { FakeClock } from '@interlock/core/testing';
import { createRazorpayConnector, type RazorpayConnector, type RazorpayConnectorOptions } from '../src/index.js';
import { createRazorpaySimulation, type RazorpaySimulation } from '../testing/index.js';

/** Test credentials: shaped like Razorpay test keys, never like live ones. */
export const KEY_ID = 'rzp_test_fixtureKey0001';
export const KEY_SECRET = 'fixture_secret_5dq3HvXk2mA9';
export const WEBHOOK_SECRET = 'whsec_fixture_razorpay_current';
export const OLD_WEBHOOK_SECRET = 'whsec_fixture_razorpay_previous';

export interface Stage {
  clock: FakeClock;
  simulation: RazorpaySimulation;
  connector: RazorpayConnector;
  close(): Promise<void>;
}

/** A simulation and a connector pointed at it, sharing one auto-advancing fake clock. */
export async function stage(overrides: Partial<RazorpayConnectorOptions> = {}, seed = 1): Promise<Stage> {
  const clock = new FakeClock({ autoAdvance: true });
  const simulation = await createRazorpaySimulation({ clock, webhookSecret: WEBHOOK_SECRET, seed });
  const connector = createRazorpayConnector({
    baseUrl: simulation.simulator.url,
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: [WEBHOOK_SECRET],
    clock,
    fetch: clock.trackFetch(),
    ...overrides,
  });
  return { clock, simulation, connector, close: () => simulation.simulator.close() };
}
