import { randomBytes } from 'node:crypto';
import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { descriptor } from '@interlock/razorpay';
import { createRazorpaySimulation } from '@interlock/razorpay/testing';
import { describe, it } from 'vitest';
import { expectSoundRunThroughHub } from './through-hub.js';

const PAYMENTS = 300;
const SHARE = 0.2;

describe('Razorpay end to end through the hub', () => {
  it('settles every order once in the hub, counts what it refused and reconciles with no difference', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    // Made per run: nothing key-shaped is written in the source.
    const webhookSecret = randomBytes(18).toString('hex');
    const simulation = await createRazorpaySimulation({ clock, webhookSecret, seed: 11 });
    await expectSoundRunThroughHub('razorpay', {
      clock,
      simulation,
      provider: {
        descriptor,
        options: { keyIdEnv: 'E2E_RAZORPAY_KEY_ID', keySecretEnv: 'E2E_RAZORPAY_KEY_SECRET', baseUrl: simulation.simulator.url, settlementLagHours: 0 },
        env: {
          E2E_RAZORPAY_KEY_ID: `rzp_test_${randomBytes(7).toString('hex')}`,
          E2E_RAZORPAY_KEY_SECRET: randomBytes(12).toString('hex'),
          [descriptor.webhooks.secretsEnv]: webhookSecret,
        },
      },
      customerDeclines: (payment) => simulation.customerFails(payment),
      // Razorpay captures the whole authorised amount or nothing: its manual captures are whole.
      partialCapture: false,
      payments: PAYMENTS,
      amount: (index) => money(10_000 + index * 10, 'INR'),
      transientShare: SHARE,
      seed: 11,
    });
  });
});
