import assert from 'node:assert/strict';
import { isIntegrationError, signWebhook } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { createRazorpayConnector, razorpayWebhookScheme, WEBHOOK_REPLAY_WINDOW_MS } from '@interlock/razorpay';
import { KEY_ID, KEY_SECRET, WEBHOOK_SECRET } from '../../../../connectors/razorpay/test/support.js';

const NOW = Date.UTC(2026, 0, 1, 12);

/** A payment.captured envelope as Razorpay sends it, created at `createdAt`. */
function envelope(createdAt: number): string {
  const payment = { id: 'pay_Webhook00001', entity: 'payment', amount: 50000, currency: 'INR', status: 'captured', order_id: 'order_Webhook0001', method: 'upi', amount_refunded: 0, refund_status: null, captured: true, notes: [], error_code: '', error_description: '', error_reason: '', created_at: Math.floor(createdAt / 1000) - 5 };
  return JSON.stringify({ entity: 'event', account_id: 'acc_BFQ7uQEaa7j2z7', event: 'payment.captured', contains: ['payment'], payload: { payment: { entity: payment } }, created_at: Math.floor(createdAt / 1000) });
}

/** What parseWebhook said of a delivery: the refusal's message, or that it took it. */
function verdictOn(rawBody: string, headers: Record<string, string>): string {
  const razorpay = createRazorpayConnector({ credentials: { keyId: KEY_ID, keySecret: KEY_SECRET }, webhookSecrets: [WEBHOOK_SECRET], clock: new FakeClock({ start: NOW }) });
  try {
    razorpay.parseWebhook({ rawBody, headers, now: NOW });
    return 'accepted';
  } catch (error) {
    if (isIntegrationError(error)) return `refused: ${error.message}`;
    throw error;
  }
}

/** Razorpay's webhook guarantee: a body changed after signing is refused, the genuine one accepted. */
export function razorpayRefusesForgedWebhook(): Promise<void> {
  const rawBody = envelope(NOW - 1_000);
  const headers = signWebhook(razorpayWebhookScheme, { rawBody, secret: WEBHOOK_SECRET, id: 'evt_Captured000001' });
  assert.equal(verdictOn(rawBody, headers), 'accepted', 'the genuine delivery was refused');
  const forged = verdictOn(rawBody.replace('50000', '5'), headers);
  assert.match(forged, /^refused: .*signature_mismatch/, `a body changed after signing was ${forged}`);
  return Promise.resolve();
}

/** Razorpay's replay guarantee: a genuine delivery signed longer ago than the replay window is refused, one inside it accepted. */
export function razorpayRefusesOldWebhook(): Promise<void> {
  const deliver = (createdAt: number): string => {
    const rawBody = envelope(createdAt);
    return verdictOn(rawBody, signWebhook(razorpayWebhookScheme, { rawBody, secret: WEBHOOK_SECRET, id: 'evt_Old00000000001' }));
  };
  assert.equal(deliver(NOW - WEBHOOK_REPLAY_WINDOW_MS + 60_000), 'accepted', 'a delivery inside the replay window was refused');
  const old = deliver(NOW - WEBHOOK_REPLAY_WINDOW_MS - 60_000);
  assert.match(old, /^refused: .*outside the replay window/, `a genuine delivery older than the replay window was ${old}`);
  return Promise.resolve();
}
