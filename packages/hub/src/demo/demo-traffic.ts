import { signWebhook, stripeScheme, type Clock } from '@interlock/core';
import { deliverWebhooks, type DeliveryRecord, type WebhookEvent } from '@interlock/testkit';

const LIFECYCLES: readonly (readonly string[])[] = [
  ['pending', 'processing', 'succeeded'],
  ['pending', 'succeeded', 'refunded'],
  ['pending', 'failed'],
  ['pending', 'succeeded', 'partially_refunded', 'refunded'],
  ['pending', 'canceled'],
];

/** One batch of payment lifecycles as the demo provider's webhook events, a second apart per step. */
export function demoEvents(batch: number, payments: number, startSeconds: number): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (let p = 0; p < payments; p++) {
    const id = `pi_demo_${batch}_${p}`;
    const lifecycle = LIFECYCLES[p % LIFECYCLES.length] as readonly string[];
    lifecycle.forEach((status, step) => {
      const eventId = `evt_demo_${batch}_${p}_${step}`;
      const created = startSeconds + step;
      events.push({
        id: eventId,
        type: `payment_intent.${status}`,
        occurredAt: created * 1000,
        payload: { id: eventId, object: 'event', type: `payment_intent.${status}`, created, data: { object: { id, object: 'payment_intent', status, amount: 1099 + p, currency: 'inr' } } },
      });
    });
  }
  return events;
}

/**
 * Sends a batch the way real providers misbehave: some twice, some out of order, a few stale
 * replays and a few forged. Signed with the Stripe scheme and the demo's secret.
 */
export function sendDemoBatch(target: string, secret: string, events: readonly WebhookEvent[], clock: Clock, seed: number): Promise<DeliveryRecord[]> {
  return deliverWebhooks(
    target,
    events,
    {
      sign: (raw, _event, sentAt) => signWebhook(stripeScheme, { rawBody: raw, secret, timestamp: sentAt }),
      duplicates: 0.1,
      outOfOrder: 0.05,
      staleReplays: 2,
      forged: 1,
      seed,
    },
    { clock },
  );
}
