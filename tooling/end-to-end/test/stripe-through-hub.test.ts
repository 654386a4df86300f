import { randomBytes } from 'node:crypto';
import { money } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { descriptor } from '@interlock/stripe';
import { createStripeSimulation } from '@interlock/stripe/testing';
import { describe, it } from 'vitest';
import { expectSoundRunThroughHub } from './through-hub.js';

const PAYMENTS = 300;
const SHARE = 0.2;
// INR, JPY and KWD in turn: amounts must survive the wire and the hub's records in three exponents.
const amount = (index: number) =>
  index % 3 === 0 ? money(49_900 + index, 'INR') : index % 3 === 1 ? money(1_200 + index, 'JPY') : money(12_340 + index * 10, 'KWD');

describe('Stripe end to end through the hub', () => {
  it('settles every payment once in the hub, counts what it refused and reconciles with no difference', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    // Made per run: nothing key-shaped is written in the source.
    const webhookSecret = `whsec_${randomBytes(18).toString('hex')}`;
    const simulation = await createStripeSimulation({ clock, webhookSecret, seed: 11 });
    await expectSoundRunThroughHub('stripe', {
      clock,
      simulation,
      provider: {
        descriptor,
        options: { apiKeysEnv: 'E2E_STRIPE_KEYS', mode: 'sandbox', baseUrl: simulation.simulator.url, settlementLagHours: 0 },
        env: { E2E_STRIPE_KEYS: `sk_test_${randomBytes(12).toString('hex')}`, [descriptor.webhooks.secretsEnv]: webhookSecret },
      },
      customerDeclines: (payment) => simulation.customerDeclines(payment),
      partialCapture: true,
      payments: PAYMENTS,
      amount,
      transientShare: SHARE,
      seed: 11,
    });
  });
});
