import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWebhook, stripeScheme } from '@interlock/core';
import { loadConfig, startHub, type Hub, type HubConfigInput } from '../src/index.js';
import { DEMO_PROVIDER, demoPaymentsInterpreter } from '../src/demo/demo-payments.js';

export const SECRET = 'whsec_test_hub_secret_0123456789';
export const SECRETS_ENV = 'HUB_TEST_WEBHOOK_SECRETS';

/** A hub on a fresh SQLite file in a temp folder, with the demo provider configured. */
export async function testHub(overrides: HubConfigInput = {}, startWorkers = true): Promise<{ hub: Hub; dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-hub-'));
  const config = loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    providers: [{ name: DEMO_PROVIDER, verification: 'stripe', secretsEnv: SECRETS_ENV, occurredAt: 'created' }],
    ...overrides,
  });
  const hub = await startHub({
    config,
    env: { [SECRETS_ENV]: SECRET, ...process.env },
    interpreters: new Map([[DEMO_PROVIDER, demoPaymentsInterpreter]]),
    startWorkers,
    log: { warn: () => undefined },
  });
  return {
    hub,
    dir,
    cleanup: async () => {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** POSTs a body with headers over a keep-alive agent; resolves with status and body text. */
export function post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function signedPost(url: string, payload: unknown, now = Date.now(), secret = SECRET): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(payload);
  return post(url, raw, signWebhook(stripeScheme, { rawBody: raw, secret, timestamp: now }));
}

/** Waits (in real time: the hub's workers run on it) until the queue holds nothing queued or processing. */
export async function drained(hub: Hub, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await hub.queue.counts();
    if (counts.queued + counts.processing === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
