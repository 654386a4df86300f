import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConnector, systemClock } from '@interlock/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, openEngines, silentLog, startHub, type Hub, type HubConfigInput } from '../src/index.js';
import { post } from './support.js';
import { TICKET_RECORD_TYPE } from './toy/tickets-domain.js';
import { descriptor as signedDescriptor, unsignedDescriptor } from './toy/toy-connector.js';
import { ToyProvider } from './toy/toy-provider.js';

/**
 * A provider that sends no webhooks at all (a tracking API that is only ever read): its
 * descriptor claims the polling fallback and no webhook verification, so polling carries it.
 */
const pollingOnlyDescriptor = defineConnector({
  ...unsignedDescriptor,
  id: 'toy-polled',
  webhooks: { ...unsignedDescriptor.webhooks, secretsEnv: 'TOY_POLLED_TOKENS' },
  capabilities: ['webhooks.polling-fallback'],
});

const DESCRIPTORS = { './polled.ts': pollingOnlyDescriptor, './signed.ts': signedDescriptor, './unsigned.ts': unsignedDescriptor };
const ENV = { TOY_API_TOKENS: 'toy_token_for_tests' };

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function toyProvider(): Promise<ToyProvider> {
  const toy = await ToyProvider.start();
  cleanups.push(() => toy.close());
  return toy;
}

function storeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-no-webhooks-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function config(dir: string, providers: HubConfigInput['providers']): ReturnType<typeof loadConfig> {
  return loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    reconciliation: { enabled: false },
    // Real time here (the hub's workers run on it): polls come after 50 ms, not a minute.
    polling: { firstAfterSeconds: 0.05, capSeconds: 0.2 },
    providers,
  });
}

describe('a provider whose connector takes no webhooks', () => {
  it('starts without webhook secrets, refuses every delivery to its path, and is settled by polling', async () => {
    const toy = await toyProvider();
    const dir = storeDir();
    const hubConfig = config(dir, [{ name: 'desk', connector: './polled.ts', options: { baseUrl: toy.url } }]);
    // A ticket the hub already holds, open: on start the poller resumes it.
    const engines = await openEngines(hubConfig, systemClock);
    await engines.integrity.putRecord({ provider: 'desk', recordType: TICKET_RECORD_TYPE, recordId: 'T9', status: 'open', updatedAt: Date.now() - 1_000 }, undefined);
    const warnings: string[] = [];
    const hub: Hub = await startHub({ config: hubConfig, engines, descriptors: DESCRIPTORS, env: ENV, log: { ...silentLog, warn: (message) => warnings.push(message) } });
    cleanups.push(() => hub.close());
    expect(hub.providers).toEqual(['desk']);

    // No secret was configured, so none can be guessed: an empty token, a likely one, none at all.
    const body = JSON.stringify({ id: 'evt_X', type: 'ticket.changed', at: new Date().toISOString(), ticket: { id: 'T9', status: 'closed' } });
    for (const headers of [{ 'x-api-token': '' }, { 'x-api-token': 'undefined' }, {}]) {
      await expect(post(`${hub.url}/webhooks/desk`, body, headers)).resolves.toMatchObject({ status: 400, body: '{"error":"invalid signature"}' });
    }
    // Meanwhile the ticket's polls may fail: the provider does not know it yet.
    expect(warnings.filter((message) => message !== 'poll failed')).toEqual(['webhook refused', 'webhook refused', 'webhook refused']);
    expect((await hub.queue.counts()).applied).toBe(0);

    toy.change('T9', 'closed', Date.now());
    await vi.waitFor(
      async () => {
        expect(await hub.integrity.getRecord({ provider: 'desk', recordType: TICKET_RECORD_TYPE, recordId: 'T9' })).toMatchObject({ status: 'closed' });
      },
      { timeout: 10_000, interval: 50 },
    );
    const audit = await hub.integrity.listAudit({ provider: 'desk' });
    expect(audit.map((entry) => [entry.action, entry.outcome, entry.detail])).toEqual([['apply interlock.polled', 'applied', 'open -> closed']]);
  });

  it('still takes the secrets when they are configured', async () => {
    const toy = await toyProvider();
    const hub = await startHub({
      config: config(storeDir(), [{ name: 'desk', connector: './polled.ts', options: { baseUrl: toy.url } }]),
      descriptors: DESCRIPTORS,
      env: { ...ENV, TOY_POLLED_TOKENS: 'tok_polled_value_789' },
      log: silentLog,
    });
    cleanups.push(() => hub.close());
    toy.change('T1', 'open', Date.now());
    const body = JSON.stringify({ id: 'evt_Y', type: 'ticket.changed', at: new Date().toISOString(), ticket: { id: 'T1' } });
    await expect(post(`${hub.url}/webhooks/desk`, body, { 'x-api-token': 'tok_polled_value_789' })).resolves.toMatchObject({ status: 200 });
  });

  it('is the only kind that may: one that verifies its events, or claims neither, still refuses to start without secrets', async () => {
    const toy = await toyProvider();
    for (const [connector, variable] of [['./signed.ts', 'TOY_WEBHOOK_SECRETS'], ['./unsigned.ts', 'TOY_UNSIGNED_TOKENS']] as const) {
      const start = startHub({ config: config(storeDir(), [{ name: 'desk', connector, options: { baseUrl: toy.url } }]), descriptors: DESCRIPTORS, env: ENV, log: silentLog });
      await expect(start).rejects.toThrow(`Provider desk: no webhook secrets in environment variable ${variable}`);
    }
  });
});
