import { createHmac, randomBytes } from 'node:crypto';

/** Target size of every webhook body in the ingest and verification cases. */
export const BODY_BYTES = 1_024;

/** A Stripe-style endpoint secret (`whsec_` + base64), which is also a valid Standard Webhooks secret. */
export function benchSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * A Stripe-style event, `{ id, object, type, created, data: { object: { ... } } }`, padded with a
 * description to exactly `BODY_BYTES` bytes. `index` makes the event id (and so the body) distinct.
 */
export function stripeEventBody(index: number, createdSeconds: number, runTag: string): Buffer {
  const event = {
    id: `evt_${runTag}_${index.toString(36).padStart(8, '0')}`,
    object: 'event',
    api_version: '2025-08-27.basil',
    created: createdSeconds,
    type: 'payment_intent.succeeded',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: {
      object: {
        id: `pi_${runTag}_${index.toString(36).padStart(8, '0')}`,
        object: 'payment_intent',
        amount: 1_099 + (index % 1_000),
        amount_received: 1_099 + (index % 1_000),
        currency: 'inr',
        status: 'succeeded',
        capture_method: 'automatic',
        customer: `cus_${(index % 5_000).toString(36)}`,
        metadata: { order_id: `order_${index}`, channel: 'web' },
        description: '',
      },
    },
  };
  const unpadded = JSON.stringify(event).length;
  if (unpadded > BODY_BYTES) throw new Error(`event body is already ${unpadded} bytes, over ${BODY_BYTES}`);
  event.data.object.description = 'x'.repeat(BODY_BYTES - unpadded);
  return Buffer.from(JSON.stringify(event), 'utf8');
}

/**
 * The `Stripe-Signature` header for `body` at `timestampSeconds`, computed with node:crypto
 * directly so that the load is signed independently of the code under test.
 */
export function stripeSignatureHeader(body: Buffer, secret: string, timestampSeconds: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8').update(body).digest('hex');
  return `t=${timestampSeconds},v1=${signature}`;
}

/** The Standard Webhooks headers for `body` (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`). */
export function standardWebhooksHeaders(body: Buffer, secret: string, id: string, timestampSeconds: number): Record<string, string> {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSeconds}.`, 'utf8').update(body).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${signature}` };
}
