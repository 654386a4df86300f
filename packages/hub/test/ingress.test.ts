import { describe, expect, it } from 'vitest';
import { DEMO_PROVIDER } from '../src/demo/demo-payments.js';
import { drained, post, SECRET, signedPost, testHub } from './support.js';

const payment = (eventId: string, status: string, created: number) => ({
  id: eventId,
  type: `payment_intent.${status}`,
  created,
  data: { object: { id: 'pi_1', status, customer: 'Müller GmbH' } },
});

describe('webhook ingress', () => {
  it('accepts a signed event once, acknowledges its duplicate, and applies it', async () => {
    const { hub, cleanup } = await testHub();
    try {
      const url = `${hub.url}/webhooks/${DEMO_PROVIDER}`;
      const now = Math.floor(Date.now() / 1000);
      await expect(signedPost(url, payment('evt_1', 'pending', now))).resolves.toEqual({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(url, payment('evt_1', 'pending', now))).resolves.toEqual({ status: 200, body: '{"status":"duplicate"}' });
      await drained(hub);
      expect(await hub.integrity.getRecord({ provider: DEMO_PROVIDER, recordType: 'payment', recordId: 'pi_1' })).toMatchObject({ status: 'pending' });
      expect(await hub.queue.counts()).toMatchObject({ applied: 1 });
    } finally {
      await cleanup();
    }
  });

  it('refuses forged, expired, malformed, oversized and misrouted webhooks without storing them', async () => {
    const { hub, cleanup } = await testHub({ maxBodyBytes: 2_048 });
    try {
      const url = `${hub.url}/webhooks/${DEMO_PROVIDER}`;
      const now = Math.floor(Date.now() / 1000);
      await expect(signedPost(url, payment('evt_2', 'pending', now), Date.now(), 'whsec_wrong_secret_value_000')).resolves.toMatchObject({ status: 400 });
      await expect(signedPost(url, payment('evt_3', 'pending', now), Date.now() - 10 * 60_000)).resolves.toMatchObject({ status: 400 });
      await expect(post(url, '{"id":"evt_4"}', { 'stripe-signature': 't=1,v1=00' })).resolves.toMatchObject({ status: 400 });
      await expect(signedPost(url, { no: 'id' })).resolves.toMatchObject({ status: 400, body: '{"error":"payload has no event id or type"}' });
      await expect(signedPost(url, { ...payment('evt_5', 'pending', now), padding: 'x'.repeat(4_096) })).resolves.toMatchObject({ status: 413 });
      await expect(signedPost(`${hub.url}/webhooks/nobody`, payment('evt_6', 'pending', now))).resolves.toMatchObject({ status: 404 });
      expect(Object.values(await hub.queue.counts()).reduce((a, b) => a + b, 0)).toBe(0);
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain(`interlock_webhooks_received_total{outcome="forged",provider="${DEMO_PROVIDER}"} 3`);
      expect(metrics).not.toContain(SECRET);
    } finally {
      await cleanup();
    }
  });

  it('reports health and Prometheus metrics', async () => {
    const { hub, cleanup } = await testHub();
    try {
      await signedPost(`${hub.url}/webhooks/${DEMO_PROVIDER}`, payment('evt_7', 'pending', Math.floor(Date.now() / 1000)));
      await drained(hub);
      const health = (await (await fetch(`${hub.url}/health`)).json()) as { status: string; workers: string; events: Record<string, number> };
      expect(health).toMatchObject({ status: 'ok', workers: 'running', events: { applied: 1 } });
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain('# TYPE interlock_webhook_ack_seconds histogram');
      expect(metrics).toMatch(/interlock_webhook_ack_seconds_count\{provider="demo-payments"\} 1/);
      expect(metrics).toContain('interlock_queue_events{status="applied"} 1');
      expect(metrics).toContain('interlock_dead_letters 0');
      expect(metrics).toContain(`interlock_events_processed_total{outcome="applied",provider="${DEMO_PROVIDER}"} 1`);
      expect((await fetch(`${hub.url}/nowhere`)).status).toBe(404);
    } finally {
      await cleanup();
    }
  });
});
