import { createHmac } from 'node:crypto';
import { admitDelivery } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { descriptor } from '../src/index.js';
import { WEBHOOK_SECRET } from './support.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const DAY_MS = 86_400_000;

/** A payment.captured envelope as Razorpay documents it: no id in the body, `created_at` in Unix seconds. */
function envelope(createdAtMs: number): string {
  return JSON.stringify({ entity: 'event', account_id: 'acc_BFQ7uQEaa7j2z7', event: 'payment.captured', contains: ['payment'], payload: {}, created_at: Math.floor(createdAtMs / 1000) });
}

/** Signed as Razorpay's docs say, with node:crypto alone; the event id header is outside the signature. */
function delivery(rawBody: string, eventIdHeader: string) {
  const signature = createHmac('sha256', WEBHOOK_SECRET).update(rawBody, 'utf8').digest('hex');
  return { rawBody, headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': eventIdHeader }, now: NOW };
}

/** The hub's ingress runs `admitDelivery` on the descriptor's intake; these are its answers for Razorpay. */
describe('Razorpay deliveries at the hub, through the descriptor', () => {
  it('takes a delivery resent under a new x-razorpay-event-id as the same event', () => {
    const rawBody = envelope(NOW - 60_000);
    const first = admitDelivery(descriptor.webhooks, delivery(rawBody, 'evt_Original000001'), [WEBHOOK_SECRET]);
    const resent = admitDelivery(descriptor.webhooks, delivery(rawBody, 'evt_Rewritten00001'), [WEBHOOK_SECRET]);
    expect(first).toMatchObject({ ok: true, identity: { type: 'payment.captured', occurredAt: Math.floor((NOW - 60_000) / 1000) * 1000 } });
    expect(first.ok && resent.ok ? [first.identity.eventId === resent.identity.eventId, first.identity.eventId.includes('evt_')] : 'refused').toEqual([true, false]);
  });

  it('refuses an event created 30 days ago, by its signed created_at, and takes one inside the 25 hours', () => {
    expect(admitDelivery(descriptor.webhooks, delivery(envelope(NOW - 30 * DAY_MS), 'evt_Old00000000001'), [WEBHOOK_SECRET])).toEqual({
      ok: false,
      refusal: 'expired',
      reason: 'event time outside the replay window',
    });
    expect(admitDelivery(descriptor.webhooks, delivery(envelope(NOW - 24 * 3_600_000), 'evt_Retry000000001'), [WEBHOOK_SECRET])).toMatchObject({ ok: true });
  });

  it('refuses a signed envelope without created_at: the window could not be applied', () => {
    const rawBody = JSON.stringify({ entity: 'event', event: 'payment.captured', contains: [], payload: {} });
    expect(admitDelivery(descriptor.webhooks, delivery(rawBody, 'evt_NoTime00000001'), [WEBHOOK_SECRET])).toEqual({
      ok: false,
      refusal: 'malformed',
      reason: 'no event time (body created_at), which the replay window needs',
    });
  });
});
