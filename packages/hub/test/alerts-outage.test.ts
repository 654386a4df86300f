import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderClient } from '@interlock/core';
import { FakeClock, FaultServer } from '@interlock/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { alertsConfigSchema, startAlerting } from '../src/alerts/index.js';
import { silentLog } from '../src/index.js';
import { MINUTE, SECOND } from './alerts-harness.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that keeps what it is sent. */
async function receiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const header = (name: string): string => String(req.headers[name] ?? '');
      received.push({ id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`, received, server };
}

/** Checked here from the spec, not with the sink's code. */
function verified(message: Received): boolean {
  const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${message.id}.${message.timestamp}.${message.body}`).digest('base64');
  return message.signature.split(' ').includes(`v1,${expected}`);
}

const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

describe('a provider outage end to end', () => {
  it('raises P1 then P0 at a signed webhook and resolves both when the provider recovers', async () => {
    const clock = new FakeClock();
    let down = false;
    const provider = await FaultServer.start(clock);
    closing.push(() => provider.close());
    for (const path of ['/items', '/status']) provider.route('GET', path, () => (down ? { status: 503, body: { error: 'unavailable' } } : { status: 200, body: { ok: true } }));
    const hook = await receiver();
    closing.push(() => new Promise((resolve) => hook.server.close(() => resolve())));

    const alerting = await startAlerting({
      config: alertsConfigSchema.parse({
        sinks: [{ id: 'log', kind: 'log' }, { id: 'oncall', kind: 'webhook', url: hook.url, secretEnv: 'HOOK_SECRET', timeoutMs: 60_000 }],
        routes: { P0: ['oncall'], P1: ['oncall'] },
        rules: { error_rate_high: { minRequests: 5 } },
      }),
      env: { HOOK_SECRET: SECRET },
      clock,
      log: silentLog,
    });
    closing.push(() => alerting.close());
    const client = createProviderClient<'list' | 'status'>({
      provider: 'acme',
      baseUrl: provider.url,
      endpoints: { list: { method: 'GET', path: '/items' }, status: { method: 'GET', path: '/status' } },
      clock,
      telemetry: [alerting.telemetry],
      retry: { maxAttempts: 1 },
      breaker: { minimumThroughput: 5, openMs: 30_000 },
      random: () => 0.5,
    });
    const traffic = async (ms: number): Promise<void> => {
      const end = clock.now() + ms;
      while (clock.now() < end) {
        await Promise.allSettled(['list', 'status', 'list', 'status', 'list', 'status'].map((endpoint) => client.request(endpoint as 'list' | 'status')));
        await alerting.idle();
        await clock.advance(10 * SECOND);
      }
      await alerting.idle();
    };
    const told = (): string[] => hook.received.map((message) => {
      const body = JSON.parse(message.body) as { type: string; data: { alert: { rule: string; severity: string } } };
      return `${body.type} ${body.data.alert.severity} ${body.data.alert.rule}`;
    });

    await traffic(2 * MINUTE);
    expect(told()).toEqual([]);

    down = true;
    await traffic(MINUTE);
    expect(told()).toEqual(['alert.firing P1 error_rate_high']);
    await traffic(5 * MINUTE);
    expect(told()).toEqual(['alert.firing P1 error_rate_high', 'alert.firing P0 provider_down']);

    down = false;
    await traffic(12 * MINUTE);
    expect(told().slice(2).sort()).toEqual(['alert.resolved P0 provider_down', 'alert.resolved P1 error_rate_high']);
    expect(alerting.active()).toEqual([]);
    expect(hook.received.every(verified)).toBe(true);
    expect(new Set(hook.received.map((message) => message.id)).size).toBe(4);
  }, 30_000);
});
