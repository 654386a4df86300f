import { systemClock } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.js';
import { paymentsConnectorFor, settlementLagMs } from '../src/payments/payments-connectors.js';

const config = loadConfig(undefined, {
  providers: [
    { name: 'razorpay', verification: 'razorpay', secretsEnv: 'RZP_HOOKS', connector: { kind: 'razorpay', keyIdEnv: 'RZP_IDS', keySecretEnv: 'RZP_SECRETS' } },
    { name: 'plain', verification: 'stripe', secretsEnv: 'PLAIN_HOOKS' },
  ],
});
const [razorpay, plain] = config.providers as [(typeof config.providers)[number], (typeof config.providers)[number]];
const environment = (env: NodeJS.ProcessEnv) => ({ env: { RZP_HOOKS: 'whsec_fixture_rzp', ...env }, clock: systemClock, telemetry: [] });

describe('paymentsConnectorFor', () => {
  it('builds a Razorpay connector from two key pairs during a rotation, and none for a provider without a connector', () => {
    const connector = paymentsConnectorFor(razorpay, environment({ RZP_IDS: 'rzp_test_fixtureOld01, rzp_test_fixtureNew01', RZP_SECRETS: 'fixture_old_secret,fixture_new_secret' }));
    expect(connector?.provider).toBe('razorpay');
    expect(paymentsConnectorFor(plain, environment({}))).toBeUndefined();
    expect(settlementLagMs(razorpay)).toBe(48 * 3_600_000);
    expect(settlementLagMs(plain)).toBe(0);
  });

  it('refuses ids and secrets that do not pair up, and a missing variable, naming the variables only', () => {
    expect(() => paymentsConnectorFor(razorpay, environment({ RZP_IDS: 'rzp_test_fixtureOld01,rzp_test_fixtureNew01', RZP_SECRETS: 'fixture_only_one' }))).toThrow(
      'Provider razorpay: RZP_IDS holds 2 key ids but RZP_SECRETS 1 secrets',
    );
    expect(() => paymentsConnectorFor(razorpay, environment({ RZP_IDS: 'rzp_test_fixtureOld01' }))).toThrow('Provider razorpay: environment variable RZP_SECRETS is not set');
  });
});
