import { randomBytes } from 'node:crypto';
import { systemClock } from '@interlock/core';
import { transientFaultScenario, type PaymentsSimulation } from '@interlock/payments/testing';
import { createRazorpaySimulation } from '@interlock/razorpay/testing';
import { createStripeSimulation } from '@interlock/stripe/testing';
import type { HubConfigInput } from '../config/config.js';

type ProviderInput = NonNullable<HubConfigInput['providers']>[number];

/** One simulated provider of the demo, with the hub config that points at it. */
export interface DemoProvider {
  name: 'stripe' | 'razorpay';
  currency: string;
  simulation: PaymentsSimulation;
  config: ProviderInput;
}

/** Environment variable names the demo sets for itself; their values are made up at start. */
const ENV = {
  webhookSecrets: 'INTERLOCK_DEMO_WEBHOOK_SECRETS',
  stripeKeys: 'INTERLOCK_DEMO_STRIPE_KEYS',
  razorpayKeyId: 'INTERLOCK_DEMO_RAZORPAY_KEY_ID',
  razorpayKeySecret: 'INTERLOCK_DEMO_RAZORPAY_KEY_SECRET',
} as const;

/**
 * Stripe and Razorpay as the demo runs them: the connectors' own simulations on 127.0.0.1, each
 * failing 5% of requests transiently (503, 429, resets, lost responses), with throwaway
 * credentials that exist only in this process's environment.
 */
export async function startDemoProviders(): Promise<{ providers: DemoProvider[]; env: NodeJS.ProcessEnv; close(): Promise<void> }> {
  const webhookSecret = `whsec_demo_${randomBytes(24).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [ENV.webhookSecrets]: webhookSecret,
    [ENV.stripeKeys]: `sk_test_demo_${randomBytes(12).toString('hex')}`,
    [ENV.razorpayKeyId]: `rzp_test_demo${randomBytes(6).toString('hex')}`,
    [ENV.razorpayKeySecret]: randomBytes(18).toString('hex'),
  };
  const stripe = await createStripeSimulation({ clock: systemClock, webhookSecret });
  const razorpay = await createRazorpaySimulation({ clock: systemClock, webhookSecret });
  for (const simulation of [stripe, razorpay]) simulation.simulator.setScenario(transientFaultScenario(0.05, { outage: false }));
  const providers: DemoProvider[] = [
    {
      name: 'stripe',
      currency: 'USD',
      simulation: stripe,
      config: { name: 'stripe', verification: 'stripe', secretsEnv: ENV.webhookSecrets, occurredAt: 'created', connector: { kind: 'stripe', apiKeysEnv: ENV.stripeKeys, mode: 'sandbox', baseUrl: stripe.simulator.url } },
    },
    {
      name: 'razorpay',
      currency: 'INR',
      simulation: razorpay,
      config: {
        name: 'razorpay',
        verification: 'razorpay',
        secretsEnv: ENV.webhookSecrets,
        eventIdHeader: 'x-razorpay-event-id',
        eventType: 'event',
        occurredAt: 'created_at',
        // The simulation settles at once; a real Razorpay account settles about two days later.
        connector: { kind: 'razorpay', keyIdEnv: ENV.razorpayKeyId, keySecretEnv: ENV.razorpayKeySecret, baseUrl: razorpay.simulator.url, settlementLagHours: 0 },
      },
    },
  ];
  return {
    providers,
    env,
    close: async () => {
      await stripe.simulator.close();
      await razorpay.simulator.close();
    },
  };
}
