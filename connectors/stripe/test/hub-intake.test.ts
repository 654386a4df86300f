import { createHmac } from 'node:crypto';
import { admitDelivery, checkWebhookIntake } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/index.js';
import { WEBHOOK_SECRET } from './support/secrets.js';

const NOW_S = 1_767_225_600;

/** Signed as docs.stripe.com/webhooks#verify-manually says, with node:crypto alone. */
function delivery(rawBody: string, signedAtS = NOW_S) {
  const v1 = createHmac('sha256', WEBHOOK_SECRET).update(`${signedAtS}.${rawBody}`, 'utf8').digest('hex');
  return { rawBody, headers: { 'stripe-signature': `t=${signedAtS},v1=${v1}` }, now: NOW_S * 1000 };
}

/** The hub's ingress runs `admitDelivery` on the descriptor's intake; these are its answers for Stripe. */
describe('Stripe deliveries at the hub, through the descriptor', () => {
  it('dedupes on the signed event id: a retry signed at another time is the same event', () => {
    const rawBody = JSON.stringify({ id: 'evt_1Hub', object: 'event', type: 'payment_intent.succeeded', created: NOW_S - 60, data: { object: {} } });
    expect(admitDelivery(descriptor.webhooks, delivery(rawBody), [WEBHOOK_SECRET])).toMatchObject({ ok: true, identity: { eventId: 'evt_1Hub', type: 'payment_intent.succeeded', occurredAt: (NOW_S - 60) * 1000 } });
    expect(admitDelivery(descriptor.webhooks, delivery(rawBody, NOW_S - 100), [WEBHOOK_SECRET])).toMatchObject({ ok: true, identity: { eventId: 'evt_1Hub' } });
  });

  it('says which field is wrong in a signed event whose created is not a time, without echoing it', () => {
    const rawBody = JSON.stringify({ id: 'evt_1Hub', object: 'event', type: 'payment_intent.succeeded', created: 'yesterday', data: { object: {} } });
    const answer = admitDelivery(descriptor.webhooks, delivery(rawBody), [WEBHOOK_SECRET]);
    expect(answer).toEqual({ ok: false, refusal: 'malformed', reason: 'event time (body created) is not a time in unix_seconds' });
  });

  it('declares only signed fields: its id is in the signed body, and a header id would be refused', () => {
    expect(() => checkWebhookIntake('stripe', descriptor.webhooks)).not.toThrow();
    expect(() => checkWebhookIntake('stripe', { ...descriptor.webhooks, eventId: [{ from: 'header', name: 'x-stripe-event-id' }] })).toThrow(/does not sign/);
  });
});
