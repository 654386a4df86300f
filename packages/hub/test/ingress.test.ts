import { describe, expect, it } from 'vitest';
import { drained, post, SECRET, signedPost, testHub, TOY } from './support.js';

const event = (eventId: string, status: string, at: number) => ({
  id: eventId,
  type: `ticket.${status}`,
  at: new Date(at).toISOString(),
  ticket: { id: 'T1', status, updated_at: new Date(at).toISOString(), fee: 500, requester: 'Müller GmbH' },
});

describe('webhook ingress', () => {
  it('accepts a signed event once, acknowledges its duplicate, and applies it', async () => {
    const { hub, cleanup } = await testHub();
    try {
      const url = `${hub.url}/webhooks/${TOY}`;
      await expect(signedPost(url, event('evt_1', 'open', Date.now()))).resolves.toEqual({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(url, event('evt_1', 'open', Date.now()))).resolves.toEqual({ status: 200, body: '{"status":"duplicate"}' });
      await drained(hub);
      expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: 'T1' })).toMatchObject({ status: 'open' });
      expect(await hub.queue.counts()).toMatchObject({ applied: 1 });
    } finally {
      await cleanup();
    }
  });

  it('refuses forged, expired, malformed, oversized and misrouted webhooks without storing them', async () => {
    const { hub, cleanup } = await testHub({ maxBodyBytes: 2_048 });
    try {
      const url = `${hub.url}/webhooks/${TOY}`;
      const now = Date.now();
      await expect(signedPost(url, event('evt_2', 'open', now), now, 'whsec_wrong_secret_value_000')).resolves.toMatchObject({ status: 400 });
      await expect(signedPost(url, event('evt_3', 'open', now), now - 10 * 60_000)).resolves.toMatchObject({ status: 400 });
      await expect(post(url, '{"id":"evt_4"}', { 'toy-signature': 't=1,v1=00' })).resolves.toMatchObject({ status: 400 });
      await expect(signedPost(url, { no: 'id' })).resolves.toMatchObject({ status: 400, body: '{"error":"no event id (body id)"}' });
      await expect(signedPost(url, { ...event('evt_5', 'open', now), padding: 'x'.repeat(4_096) })).resolves.toMatchObject({ status: 413 });
      await expect(signedPost(`${hub.url}/webhooks/nobody`, event('evt_6', 'open', now))).resolves.toMatchObject({ status: 404 });
      expect(Object.values(await hub.queue.counts()).reduce((a, b) => a + b, 0)).toBe(0);
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain(`interlock_webhooks_received_total{outcome="forged",provider="${TOY}"} 3`);
      expect(metrics).not.toContain(SECRET);
    } finally {
      await cleanup();
    }
  });

  it('accepts an old event the provider sends again with a fresh signature: a retry, not a replay', async () => {
    const { hub, cleanup } = await testHub();
    try {
      // A scheme that signs the delivery time bounds replays by that time; providers retry old
      // events for days, signing each attempt anew.
      const url = `${hub.url}/webhooks/${TOY}`;
      await expect(signedPost(url, event('evt_old', 'open', Date.now() - 10 * 60_000))).resolves.toMatchObject({ status: 200 });
    } finally {
      await cleanup();
    }
  });

  it('reports health and Prometheus metrics', async () => {
    const { hub, cleanup } = await testHub();
    try {
      await signedPost(`${hub.url}/webhooks/${TOY}`, event('evt_7', 'open', Date.now()));
      await drained(hub);
      const health = (await (await fetch(`${hub.url}/health`)).json()) as { status: string; workers: string; events: Record<string, number> };
      expect(health).toMatchObject({ status: 'ok', workers: 'running', events: { applied: 1 } });
      const metrics = await (await fetch(`${hub.url}/metrics`)).text();
      expect(metrics).toContain('# TYPE interlock_webhook_ack_seconds histogram');
      expect(metrics).toMatch(new RegExp(`interlock_webhook_ack_seconds_count\\{provider="${TOY}"\\} 1`));
      expect(metrics).toContain('interlock_queue_events{status="applied"} 1');
      expect(metrics).toContain('interlock_dead_letters 0');
      expect(metrics).toContain(`interlock_events_processed_total{outcome="applied",provider="${TOY}"} 1`);
      expect((await fetch(`${hub.url}/nowhere`)).status).toBe(404);
    } finally {
      await cleanup();
    }
  });
});
