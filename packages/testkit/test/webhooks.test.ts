import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FakeClock, planDeliveries, ProviderSimulator, seededRandom, type WebhookEvent } from '../src/index.js';

const SECRET = 'whsec_test_secret_value';
const sign = (raw: string): Record<string, string> => ({ 'x-signature': createHmac('sha256', SECRET).update(raw).digest('hex') });

const events: WebhookEvent[] = Array.from({ length: 40 }, (_, i) => ({
  id: `evt_${i}`,
  type: 'payment.updated',
  payload: { id: `evt_${i}`, sequence: i, customer: 'Müller GmbH' },
  occurredAt: i * 1_000,
}));

async function receiver() {
  const received: { id: string; valid: boolean; at: number }[] = [];
  const clock = new FakeClock({ autoAdvance: true });
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const valid = sign(raw)['x-signature'] === req.headers['x-signature'];
      received.push({ id: (JSON.parse(raw) as { id: string }).id, valid, at: clock.now() });
      res.writeHead(valid ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/acme`;
  return { received, clock, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhook delivery', () => {
  it('plans duplicates, swaps, drops, stale replays and forgeries deterministically from the seed', () => {
    const plan = { sign, duplicates: 0.2, outOfOrder: 0.1, drop: 0.05, staleReplays: 3, forged: 2 };
    const first = planDeliveries(events, plan, seededRandom(42));
    expect(planDeliveries(events, plan, seededRandom(42))).toEqual(first);
    const kinds = first.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'duplicate').length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === 'stale_replay')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'forged')).toHaveLength(2);
    const originals = first.filter((d) => d.kind === 'original').map((d) => Number(d.event.id.slice(4)));
    expect(originals.length).toBeLessThan(events.length);
    expect(originals.some((id, i) => i > 0 && id < (originals[i - 1] as number))).toBe(true);
  });

  it('delivers signed webhooks over HTTP with delays on the fake clock; forged ones are refused by the receiver', async () => {
    const target = await receiver();
    const simulator = await ProviderSimulator.start({ clock: target.clock });
    try {
      const records = await simulator.deliverWebhooks(
        target.url,
        { sign, duplicates: 0.25, forged: 3, staleReplays: 2, delayMs: { min: 100, max: 5_000 }, seed: 9 },
        events,
        target.clock.trackFetch(),
      );
      expect(records.filter((r) => r.kind === 'forged').every((r) => r.status === 400)).toBe(true);
      expect(records.filter((r) => r.kind !== 'forged').every((r) => r.status === 200)).toBe(true);
      expect(new Set(target.received.filter((r) => r.valid).map((r) => r.id))).toEqual(new Set(events.map((e) => e.id)));
      expect(target.received.length).toBe(records.length);
      const gaps = records.slice(1).map((r, i) => r.sentAt - (records[i] as { sentAt: number }).sentAt);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    } finally {
      await simulator.close();
      await target.close();
    }
  });

  it('turns resource events into deliveries by default, and reports a receiver that is down', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const simulator = await ProviderSimulator.start({
      clock,
      resources: [{ name: 'orders', path: '/v1/orders', idPrefix: 'order_' }],
    });
    try {
      await fetch(`${simulator.url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":100}' });
      expect(simulator.events).toMatchObject([{ type: 'orders.created', object: { amount: 100 } }]);
      const records = await simulator.deliverWebhooks('http://127.0.0.1:9/unreachable', { sign });
      expect(records).toMatchObject([{ kind: 'original', status: 'network_error' }]);
    } finally {
      await simulator.close();
    }
  });
});
