import { signWebhook } from '@interlock/core';
import { stripeWebhookScheme } from '@interlock/stripe';
import { basic, type Credentials } from './credentials.js';
import { PROVIDERS } from './providers.js';

/** The pending payment the signed delivery creates, which the hub then polls from the echoing provider. */
export const PENDING_PAYMENT = 'pi_sweep_pending';
/** The delivery the interpreter cannot read: a dead letter at once. */
export const DEAD_EVENT = 'evt_sweep_dead';

const post = (url: string, body: string, headers: Record<string, string>): Promise<Response> =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

/**
 * Deliveries a misconfigured sender makes: every credential in a header, a cookie and the query
 * string, under a forged signature, to every provider's endpoint. The hub refuses and logs each.
 */
export async function refusedDeliveries(hubUrl: string, c: Credentials): Promise<void> {
  const headers = {
    authorization: `Basic ${basic(c.razorpayKeyId, c.razorpayKeySecret)}`,
    'x-forwarded-authorization': `Bearer ${c.upsAccessToken}`,
    'x-api-key': c.stripeKey,
    'dhl-api-key': c.dhlApiKey,
    'dhl-webhook-token': `${c.dhlWebhookToken}x`,
    'stripe-signature': `t=1,v1=${c.stripeWebhookSecret}`,
    'x-razorpay-signature': c.razorpayWebhookSecret,
    'sendcloud-signature': c.sendcloudWebhookSecret,
    'x-refresh-token': c.upsRefreshToken,
    cookie: `session=${c.consoleToken}; key=${c.stripeRotatedKey}`,
  };
  const query = `?token=${encodeURIComponent(c.stripeRestrictedKey)}&secret=${encodeURIComponent(c.sendcloudSecretKey)}`;
  for (const provider of PROVIDERS) {
    const answer = await post(`${hubUrl}/webhooks/${provider.name}${query}`, JSON.stringify({ id: `evt_forged_${provider.name}`, upsClientSecret: c.upsClientSecret }), headers);
    await answer.arrayBuffer();
  }
}

function stripeEvent(id: string, type: string, intent: Record<string, unknown>): string {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({ id, object: 'event', api_version: '2023-08-16', created, type, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, data: { object: { object: 'payment_intent', created, currency: 'eur', amount_received: 0, metadata: {}, ...intent } } });
}

async function signedToStripe(hubUrl: string, c: Credentials, body: string): Promise<Response> {
  return post(`${hubUrl}/webhooks/stripe`, body, signWebhook(stripeWebhookScheme, { rawBody: body, secret: c.stripeWebhookSecret, timestamp: Date.now() }));
}

/**
 * Two deliveries Stripe could send: a payment still processing (applied, then polled from the
 * provider that refuses) and one the interpreter cannot read (a dead letter at once).
 */
export async function acceptedDeliveries(hubUrl: string, c: Credentials): Promise<number[]> {
  const pending = stripeEvent('evt_sweep_pending', 'payment_intent.processing', { id: PENDING_PAYMENT, amount: 1_000, status: 'processing', capture_method: 'automatic' });
  const unreadable = stripeEvent(DEAD_EVENT, 'payment_intent.succeeded', { id: 'pi_sweep_dead', amount: 'not a number', status: 'succeeded' });
  const answers = [await signedToStripe(hubUrl, c, pending), await signedToStripe(hubUrl, c, unreadable)];
  return Promise.all(answers.map(async (answer) => (await answer.arrayBuffer(), answer.status)));
}

/** An operator signing in to the console with their token, and once with a key pasted by mistake. */
export async function consoleSignIns(hubUrl: string, c: Credentials): Promise<number[]> {
  const statuses: number[] = [];
  for (const token of [c.consoleToken, c.stripeRotatedKey]) {
    const answer = await fetch(`${hubUrl}/console/sign-in`, { method: 'POST', body: new URLSearchParams({ token }), redirect: 'manual' });
    await answer.arrayBuffer();
    statuses.push(answer.status);
  }
  return statuses;
}

export async function metricsText(hubUrl: string): Promise<string> {
  const answer = await fetch(`${hubUrl}/metrics`);
  return answer.text();
}
