import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConnector, type TelemetrySink } from '@interlock/core';
import { loadConfig, silentLog, startHub, type Hub, type HubConfig, type HubConfigInput } from '../src/index.js';
import type { KnownDescriptors } from '../src/connectors/load-descriptor.js';
import { descriptor, unsignedDescriptor } from './toy/toy-connector.js';
import { ToyProvider, toySignature } from './toy/toy-provider.js';

export const SECRET = 'whsec_test_hub_secret_0123456789';
export const TOY = 'toy';
export const TOY_CONNECTOR = './toy/toy-connector.ts';
export const ENV = { TOY_WEBHOOK_SECRETS: SECRET, TOY_API_TOKENS: 'toy_token_for_tests', TOY_UNSIGNED_TOKENS: 'tok_old_value_123,tok_new_value_456' };
/** The descriptors the tests' configs name, in hand so the hub does not import TypeScript files. */
export const DESCRIPTORS = { [TOY_CONNECTOR]: descriptor, './toy/toy-unsigned.ts': unsignedDescriptor };

/** The toy connector, keeping the telemetry sinks the hub gives it: where its client would report. */
export function observed(): { sinks: TelemetrySink[]; descriptors: Record<string, typeof descriptor> } {
  const sinks: TelemetrySink[] = [];
  const watched = defineConnector({
    ...descriptor,
    create: (config, context) => {
      sinks.push(...context.telemetry);
      return descriptor.create(config, context);
    },
  });
  return { sinks, descriptors: { [TOY_CONNECTOR]: watched } };
}

/** A config on SQLite in `dir` with no background jobs but those `overrides` turn on. */
export function quietConfig(dir: string, overrides: HubConfigInput): HubConfig {
  return loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    reconciliation: { enabled: false },
    retention: { enabled: false },
    alerts: { enabled: false },
    ...overrides,
  });
}

export interface TestHub {
  hub: Hub;
  toy: ToyProvider;
  dir: string;
  cleanup(): Promise<void>;
}

/** A hub on a fresh SQLite file in a temp folder, running the toy provider (and whatever `overrides` adds). */
export async function testHub(configure: HubConfigInput | ((toy: ToyProvider) => HubConfigInput) = {}, startWorkers = true, descriptors: KnownDescriptors = DESCRIPTORS): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-hub-'));
  const toy = await ToyProvider.start();
  const overrides = typeof configure === 'function' ? configure(toy) : configure;
  const config = loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    reconciliation: { enabled: false },
    providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }],
    ...overrides,
  });
  const hub = await startHub({ config, env: { ...process.env, ...ENV }, descriptors, startWorkers, log: silentLog });
  return {
    hub,
    toy,
    dir,
    cleanup: async () => {
      await hub.close();
      await toy.close();
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

/** POSTs a payload signed as the toy provider signs it. */
export function signedPost(url: string, payload: unknown, now = Date.now(), secret = SECRET): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(payload);
  return post(url, raw, toySignature(raw, secret, now));
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
