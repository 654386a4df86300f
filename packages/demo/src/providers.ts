import { randomBytes } from 'node:crypto';
import { systemClock, type ConnectorDescriptor } from '@interlock/core';
import type { HubConfigInput, KnownDescriptors } from '@interlock/hub';
import type { PaymentsConnector } from '@interlock/payments';
import { transientFaultScenario, type PaymentsSimulation } from '@interlock/payments/testing';
import { descriptor as razorpayDescriptor } from '@interlock/razorpay';
import { createRazorpaySimulation } from '@interlock/razorpay/testing';
import { descriptor as stripeDescriptor } from '@interlock/stripe';
import { createStripeSimulation } from '@interlock/stripe/testing';
import { CARRIER_ENV, startDemoCarriers, type DemoCarrier } from './carriers.js';

type ProviderInput = NonNullable<HubConfigInput['providers']>[number];

/** One simulated provider of the demo, with the hub config that points at it. */
export interface DemoProvider {
  name: 'stripe' | 'razorpay';
  currency: string;
  simulation: PaymentsSimulation;
  descriptor: ConnectorDescriptor<PaymentsConnector>;
  config: ProviderInput;
}

export interface DemoProviders {
  providers: readonly DemoProvider[];
  /** The carriers, beside the payment providers in the same hub. */
  carriers: readonly DemoCarrier[];
  /**
   * This run's tag, in the payment references the demo makes. Each run's simulations are seeded
   * from it too, so their ids are new: a run that continues on a saved database meets neither
   * its event ids nor its references again, as with real providers.
   */
  run: string;
  /**
   * The environment the hub reads the throwaway credentials from: a copy of this process's, so
   * they never reach `process.env` (nor any child process) and vanish when the demo ends.
   */
  env: NodeJS.ProcessEnv;
  /**
   * The connectors by the package names the config gives, so the hub runs the very modules the
   * demo drives (`hub.connector` matches by identity) without resolving packages from the folder
   * `npm start` runs in, which depends on no connector.
   */
  descriptors: KnownDescriptors;
  close(): Promise<void>;
}

/** Environment variable names the demo sets in its copy; their values are made up at start. */
export const DEMO_ENV = {
  webhookSecrets: 'INTERLOCK_DEMO_WEBHOOK_SECRETS',
  stripeKeys: 'INTERLOCK_DEMO_STRIPE_KEYS',
  razorpayKeyId: 'INTERLOCK_DEMO_RAZORPAY_KEY_ID',
  razorpayKeySecret: 'INTERLOCK_DEMO_RAZORPAY_KEY_SECRET',
  ...CARRIER_ENV,
} as const;

/**
 * Stripe and Razorpay as the demo runs them, and the carriers beside them: the connectors' own
 * simulations on 127.0.0.1, each failing 5% of requests transiently (503, 429, resets, lost
 * responses), with throwaway credentials that exist only in this process.
 */
export async function startDemoProviders(): Promise<DemoProviders> {
  const webhookSecret = `whsec_demo_${randomBytes(24).toString('hex')}`;
  const seed = randomBytes(4).readUInt32BE(0);
  const carriers = await startDemoCarriers(seed);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...carriers.env,
    [DEMO_ENV.webhookSecrets]: webhookSecret,
    [DEMO_ENV.stripeKeys]: `sk_test_demo_${randomBytes(12).toString('hex')}`,
    [DEMO_ENV.razorpayKeyId]: `rzp_test_demo${randomBytes(6).toString('hex')}`,
    [DEMO_ENV.razorpayKeySecret]: randomBytes(18).toString('hex'),
  };
  const stripe = await createStripeSimulation({ clock: systemClock, webhookSecret, seed });
  const razorpay = await createRazorpaySimulation({ clock: systemClock, webhookSecret, seed });
  for (const simulation of [stripe, razorpay]) simulation.simulator.setScenario(transientFaultScenario(0.05, { outage: false }));
  // Both simulations settle at once (a real Razorpay account settles about two days later).
  const providers: DemoProvider[] = [
    {
      name: 'stripe',
      currency: 'USD',
      simulation: stripe,
      descriptor: stripeDescriptor,
      config: {
        name: 'stripe',
        connector: '@interlock/stripe',
        options: { apiKeysEnv: DEMO_ENV.stripeKeys, mode: 'sandbox', baseUrl: stripe.simulator.url, settlementLagHours: 0 },
        webhookSecretsEnv: DEMO_ENV.webhookSecrets,
      },
    },
    {
      name: 'razorpay',
      currency: 'INR',
      simulation: razorpay,
      descriptor: razorpayDescriptor,
      config: {
        name: 'razorpay',
        connector: '@interlock/razorpay',
        options: { keyIdEnv: DEMO_ENV.razorpayKeyId, keySecretEnv: DEMO_ENV.razorpayKeySecret, baseUrl: razorpay.simulator.url, settlementLagHours: 0 },
        webhookSecretsEnv: DEMO_ENV.webhookSecrets,
      },
    },
  ];
  return {
    providers,
    carriers: carriers.carriers,
    run: seed.toString(36),
    env,
    descriptors: { '@interlock/stripe': stripeDescriptor, '@interlock/razorpay': razorpayDescriptor, ...carriers.descriptors },
    close: async () => {
      await stripe.simulator.close();
      await razorpay.simulator.close();
      await carriers.close();
    },
  };
}
