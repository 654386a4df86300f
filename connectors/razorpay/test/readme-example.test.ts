import { readFileSync } from 'node:fs';
import { envList, fieldMappingTable, money, systemClock } from '@interlock/core';
import { describe, expect, it, vi } from 'vitest';
import { createRazorpayConnector, descriptor, ERROR_FIELDS, EVENT_FIELDS, ORDER_FIELDS, PAYMENT_FIELDS, QUERY_FIELDS, RECON_FIELDS, REFUND_FIELDS } from '../src/index.js';
import { createRazorpaySimulation } from '../testing/index.js';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from './support.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('runs its example as written', async () => {
    vi.stubEnv('RAZORPAY_KEY_ID', KEY_ID);
    vi.stubEnv('RAZORPAY_KEY_SECRET', KEY_SECRET);
    vi.stubEnv('RAZORPAY_WEBHOOK_SECRET', WEBHOOK_SECRET);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

    const simulation = await createRazorpaySimulation({ clock: systemClock, webhookSecret: process.env['RAZORPAY_WEBHOOK_SECRET'] ?? '' });
    const razorpay = createRazorpayConnector({
      baseUrl: simulation.simulator.url,
      credentials: { keyId: process.env['RAZORPAY_KEY_ID'] ?? '', keySecret: process.env['RAZORPAY_KEY_SECRET'] ?? '' },
      webhookSecrets: [process.env['RAZORPAY_WEBHOOK_SECRET'] ?? ''],
    });
    const payment = await razorpay.createPayment({ amount: money(49_900, 'INR'), captureMethod: 'automatic', reference: 'order-42', idempotencyKey: 'checkout-42' });
    simulation.customerCompletes(payment);
    console.log((await razorpay.getPayment(payment.id)).status);
    const refund = await razorpay.refundPayment(payment.id, { amount: money(10_000, 'INR'), reason: 'one item returned' });
    console.log(refund.status);
    await simulation.simulator.close();

    expect(log.mock.calls).toEqual([['succeeded'], ['succeeded']]);
    vi.unstubAllEnvs();
  });

  it('runs its descriptor example as written', () => {
    vi.stubEnv('RAZORPAY_KEY_ID', KEY_ID);
    vi.stubEnv('RAZORPAY_KEY_SECRET', KEY_SECRET);
    vi.stubEnv('RAZORPAY_WEBHOOK_SECRETS', WEBHOOK_SECRET);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);

    const config = descriptor.config.parse({ settlementLagHours: 24 });
    const razorpay = descriptor.create(config, {
      env: process.env,
      clock: systemClock,
      telemetry: [],
      webhookSecrets: envList(process.env, descriptor.webhooks.secretsEnv),
    });
    console.log(razorpay.provider, descriptor.domain.name, descriptor.reportingLagMs(config));

    expect(log.mock.calls).toEqual([['razorpay', 'payments', 86_400_000]]);
    vi.unstubAllEnvs();
  });

  it('shows the field mapping tables as fields.ts declares them', () => {
    for (const mapping of [ORDER_FIELDS, PAYMENT_FIELDS, REFUND_FIELDS, RECON_FIELDS, EVENT_FIELDS, ERROR_FIELDS, QUERY_FIELDS]) {
      expect(README).toContain(fieldMappingTable(mapping));
    }
  });
});
