import { money } from '@interlock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { OLD_WEBHOOK_SECRET, TEST_API_KEY, WEBHOOK_SECRET } from './support/secrets.js';
import { simulatedStripe, type SimulatedStripe } from './support/stage.js';

let stage: SimulatedStripe | undefined;
afterEach(async () => stage?.close());

const SECRETS = [TEST_API_KEY, WEBHOOK_SECRET, OLD_WEBHOOK_SECRET];

describe('redaction with Stripe’s credential shapes', () => {
  it('keeps secret keys and webhook secrets out of errors and telemetry, even when Stripe echoes them', async () => {
    stage = await simulatedStripe({ webhookSecrets: [WEBHOOK_SECRET, OLD_WEBHOOK_SECRET] });
    const { connector, simulation, sink } = stage;
    simulation.simulator
      .route('GET', '/v1/payment_intents/:id', (request) => ({
        status: 401,
        body: { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${request.headers['authorization'] ?? ''}` } },
      }))
      .route('POST', '/v1/refunds', () => ({
        status: 400,
        body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: `Bad metadata ${WEBHOOK_SECRET} / ${OLD_WEBHOOK_SECRET}` } },
      }));
    const failures = await Promise.all([
      connector.getPayment('pi_1').catch((error: unknown) => error),
      connector.refundPayment('pi_1').catch((error: unknown) => error),
      Promise.resolve().then(() => connector.parseWebhook({ rawBody: '{}', headers: { 'stripe-signature': `t=1,v1=${'0'.repeat(64)}` }, now: 1_000 })).catch((error: unknown) => error),
    ]);
    const seen = [...failures.map((error) => `${String(error)} ${JSON.stringify(error)}`), JSON.stringify(sink.events)].join('\n');
    expect(seen).toContain('[REDACTED]');
    for (const secret of SECRETS) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)]) expect(seen).not.toContain(form);
    }
  });

  it('never writes a credential into what the provider is sent besides the Authorization header', async () => {
    stage = await simulatedStripe();
    await stage.connector.createPayment({ amount: money(100, 'USD'), captureMethod: 'automatic', reference: 'r-1', metadata: { note: 'plain' } });
    const [request] = stage.simulation.simulator.requests;
    const { authorization, ...others } = request?.headers ?? {};
    expect(authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(JSON.stringify({ others, body: request?.body, query: request?.query })).not.toMatch(/sk_test_|whsec_/);
  });
});
