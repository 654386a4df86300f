import { signWebhook } from '@interlock/core';
import { MemoryTelemetrySink } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { createRazorpayConnector, razorpayWebhookScheme } from '../src/index.js';
import { loadWebhook } from './contract/load.js';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from './support.js';

const SAMPLE = loadWebhook('payment-captured-upi.json');

function deliveries() {
  const sink = new MemoryTelemetrySink();
  const razorpay = createRazorpayConnector({
    credentials: { keyId: KEY_ID, keySecret: KEY_SECRET },
    webhookSecrets: [WEBHOOK_SECRET],
    telemetry: [sink],
    // The docs' sample is years old; this run reads its shape at any age.
    webhookToleranceMs: Number.POSITIVE_INFINITY,
  });
  const deliver = (rawBody: string) => razorpay.parseWebhook({ rawBody, headers: signWebhook(razorpayWebhookScheme, { rawBody, secret: WEBHOOK_SECRET }), now: Date.UTC(2026, 0, 1) });
  return { deliver, reports: () => sink.ofType('contract.drift') };
}

/** The sample with its payment entity changed. */
function withPayment(change: (payment: Record<string, unknown>) => void): string {
  const body = JSON.parse(SAMPLE.rawBody) as { payload: { payment: { entity: Record<string, unknown> } } };
  change(body.payload.payment.entity);
  return JSON.stringify(body);
}

describe('drift on Razorpay payments as they are today', () => {
  it('a payment carrying amount_transferred, base_amount and upi (the docs’ shape) emits no drift', () => {
    const { deliver, reports } = deliveries();
    const [event] = deliver(SAMPLE.rawBody);
    expect(event).toMatchObject({ type: 'payment.updated', payment: { id: 'order_FPoIeimWki9j8A', status: 'succeeded' } });
    expect(SAMPLE.rawBody).toContain('"upi":{"payer_account_type"');
    expect(reports()).toEqual([]);
  });

  it('a field nobody acknowledged still alerts, once however many deliveries carry it', () => {
    const { deliver, reports } = deliveries();
    const withNew = withPayment((payment) => {
      payment['fee_bearer'] = 'platform';
    });
    deliver(withNew);
    deliver(withNew);
    expect(reports()).toHaveLength(1);
    expect(reports()[0]?.firstSeen).toEqual([{ kind: 'unknown_field', path: 'payload.payment.entity.fee_bearer', exampleType: 'string' }]);
  });
});
