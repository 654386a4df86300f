import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, silentLog, startHub, type Hub, type HubConfigInput } from '@interlock/hub';
import { descriptor as razorpayDescriptor } from '@interlock/razorpay';
import { descriptor as stripeDescriptor } from '@interlock/stripe';
import { afterEach, describe, expect, it } from 'vitest';

const HOUR = 3_600_000;
const DESCRIPTORS = { '@interlock/stripe': stripeDescriptor, '@interlock/razorpay': razorpayDescriptor };
const RAZORPAY = { name: 'razorpay', connector: '@interlock/razorpay', options: { keyIdEnv: 'RZP_IDS', keySecretEnv: 'RZP_SECRETS' }, webhookSecretsEnv: 'RZP_HOOKS' };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Starts a hub for the providers with the variables given, on a store of its own. */
async function hubWith(providers: HubConfigInput['providers'], env: NodeJS.ProcessEnv): Promise<Hub> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-connectors-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const hub = await startHub({
      config: loadConfig(undefined, { port: 0, store: { kind: 'sqlite', path: join(dir, 'hub.db') }, reconciliation: { enabled: false }, providers }),
      descriptors: DESCRIPTORS,
      env: { RZP_HOOKS: 'whsec_fixture_rzp', ...env },
      log: silentLog,
    });
    cleanup = async () => {
      await hub.close();
      remove();
    };
    return hub;
  } catch (error) {
    remove();
    throw error;
  }
}

describe('payments connectors from the hub config', () => {
  it('builds a Razorpay connector from two key pairs during a rotation, typed by its descriptor and only by it', async () => {
    const hub = await hubWith([RAZORPAY], { RZP_IDS: 'rzp_test_fixtureOld01, rzp_test_fixtureNew01', RZP_SECRETS: 'fixture_old_secret,fixture_new_secret' });
    expect(hub.providers).toEqual(['razorpay']);
    expect(hub.connector(razorpayDescriptor, 'razorpay').provider).toBe('razorpay');
    expect(() => hub.connector(stripeDescriptor, 'razorpay')).toThrow('Provider razorpay is not configured with the stripe connector');
  });

  it('lags Razorpay settlements two days unless told otherwise, Stripe balance transactions not at all', () => {
    expect(razorpayDescriptor.reportingLagMs(razorpayDescriptor.config.parse(RAZORPAY.options))).toBe(48 * HOUR);
    expect(razorpayDescriptor.reportingLagMs(razorpayDescriptor.config.parse({ ...RAZORPAY.options, settlementLagHours: 0 }))).toBe(0);
    expect(stripeDescriptor.reportingLagMs(stripeDescriptor.config.parse({}))).toBe(0);
  });

  it('refuses ids and secrets that do not pair up, and a missing variable, naming the variables only', async () => {
    const mismatch = hubWith([RAZORPAY], { RZP_IDS: 'rzp_test_fixtureOld01,rzp_test_fixtureNew01', RZP_SECRETS: 'fixture_only_one' });
    await expect(mismatch).rejects.toThrow(/RZP_IDS holds 2 key ids but RZP_SECRETS holds 1 secrets/);
    await expect(mismatch).rejects.not.toThrow(/rzp_test_fixture|fixture_only_one/);
    const missing = hubWith([RAZORPAY], { RZP_IDS: 'rzp_test_fixtureOld01' });
    await expect(missing).rejects.toThrow(/environment variable RZP_SECRETS is not set/);
    await expect(missing).rejects.not.toThrow(/rzp_test_fixture/);
  });
});
