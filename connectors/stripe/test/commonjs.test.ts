import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { systemClock } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { createStripeSimulation } from '../testing/index.js';
import { TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';

const CJS = join(import.meta.dirname, '..', 'dist', 'index.cjs');

/** Runs a CommonJS script in its own Node process: the only place a `require` user's view exists. */
function runCommonJs(script: string, flags: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim())));
  });
}

describe('the CommonJS build', () => {
  // Node 20 before 20.19 cannot `require` an ES module at all; the flag gives today's Node that behaviour.
  it.each([
    ['this Node', []],
    ['a Node 20 that cannot require ES modules', ['--no-experimental-require-module']],
  ])('creates and reads a payment over real HTTP when loaded with require, on %s', { timeout: 30_000 }, async (_name, flags) => {
    const simulation = await createStripeSimulation({ clock: systemClock, webhookSecret: WEBHOOK_SECRET });
    try {
      const output = await runCommonJs(
        `
        const { createStripeConnector } = require(${JSON.stringify(CJS)});
        const stripe = createStripeConnector({ baseUrl: ${JSON.stringify(simulation.simulator.url)}, credentials: { apiKey: ${JSON.stringify(TEST_API_KEY)} }, webhookSecrets: ['whsec_unused_here'] });
        stripe
          .createPayment({ amount: { amountMinor: 1250, currency: 'EUR' }, captureMethod: 'automatic', reference: 'order-cjs-1' })
          .then((created) => stripe.getPayment(created.id))
          .then(
            (payment) => console.log(JSON.stringify({ status: payment.status, amount: payment.amount, reference: payment.reference })),
            (error) => console.log(JSON.stringify({ kind: error.kind, reason: error.reason })),
          );`,
        flags,
      );
      expect(JSON.parse(output)).toEqual({ status: 'requires_action', amount: { amountMinor: 1250, currency: 'EUR' }, reference: 'order-cjs-1' });
    } finally {
      await simulation.simulator.close();
    }
  });
});
