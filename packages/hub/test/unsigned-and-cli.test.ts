import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntegrationError, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/testkit';
import { openSqliteStore } from '@interlock/store-sqlite';
import { createEventApplier, runCli } from '../src/index.js';
import { demoPaymentMachine } from '../src/demo/demo-payments.js';
import { drained, post, testHub } from './support.js';

const TOKEN_ENV = 'HUB_TEST_SHIPPING_TOKENS';

describe('providers that do not sign their webhooks', () => {
  it('authenticate by shared token, are rate-limited, and an unknown provider’s events are dead-lettered for a person', async () => {
    process.env[TOKEN_ENV] = 'tok_old_value_123,tok_new_value_456';
    const { hub, cleanup } = await testHub({
      unauthenticatedPerMinute: 3,
      providers: [{ name: 'shipping', verification: 'shared-token', tokenHeader: 'x-api-token', secretsEnv: TOKEN_ENV, eventId: 'awb', eventType: 'current_status' }],
    });
    try {
      const url = `${hub.url}/webhooks/shipping`;
      const body = JSON.stringify({ awb: 'AWB123', current_status: 'DELIVERED' });
      await expect(post(url, body, { 'x-api-token': 'tok_new_value_456' })).resolves.toMatchObject({ status: 200 });
      await expect(post(url, body, { 'x-api-token': 'tok_old_value_123' })).resolves.toMatchObject({ status: 200, body: '{"status":"duplicate"}' });
      await expect(post(url, body, { 'x-api-token': 'wrong' })).resolves.toMatchObject({ status: 400 });
      await expect(post(url, body, { 'x-api-token': 'tok_new_value_456' })).resolves.toMatchObject({ status: 429 });
      await drained(hub);
      const dead = await hub.queue.listDead();
      expect(dead).toMatchObject([{ provider: 'shipping', eventId: 'AWB123', reason: 'no interpreter for provider shipping' }]);
    } finally {
      await cleanup();
      delete process.env[TOKEN_ENV];
    }
  });

  it('treat an event as a trigger: the record is read from the provider, never taken from the payload', async () => {
    const clock = new FakeClock();
    const store = openSqliteStore({ path: ':memory:', clock });
    let providerDown = true;
    const apply = createEventApplier({
      integrity: store.integrity,
      clock,
      actor: 'worker:test',
      interpreters: new Map([
        [
          'shipping',
          {
            machine: demoPaymentMachine,
            read: (event: StoredEvent) => {
              if (providerDown) return Promise.reject(new IntegrationError('unavailable', 'down', { provider: 'shipping', endpoint: 'track', reason: 'http_503' }));
              return Promise.resolve({ recordType: 'shipment', recordId: event.eventId, status: 'succeeded', occurredAt: 5_000 });
            },
          },
        ],
      ]),
    });
    const trigger: StoredEvent = {
      id: 'ev1', provider: 'shipping', eventId: 'AWB9', type: 'status', receivedAt: 1, payload: '{"current_status":"pending"}', status: 'processing', attempts: 1, updatedAt: 1,
    };
    try {
      await expect(apply(trigger)).resolves.toMatchObject({ status: 'retry', reason: 'unavailable: http_503' });
      providerDown = false;
      await expect(apply(trigger)).resolves.toEqual({ status: 'applied' });
      expect(await store.integrity.getRecord({ provider: 'shipping', recordType: 'shipment', recordId: 'AWB9' })).toMatchObject({ status: 'succeeded' });
    } finally {
      await store.close();
    }
  });
});

describe('interlock CLI', () => {
  it('lists, shows, replays and rejects dead letters', async () => {
    process.env[TOKEN_ENV] = 'tok_cli_value_123';
    const { hub, dir, cleanup } = await testHub({
      providers: [{ name: 'shipping', verification: 'shared-token', tokenHeader: 'x-api-token', secretsEnv: TOKEN_ENV, eventId: 'awb', eventType: 'current_status' }],
    });
    const configPath = join(dir, 'interlock.config.json');
    writeFileSync(configPath, JSON.stringify({ store: { kind: 'sqlite', path: join(dir, 'hub.db') } }));
    try {
      for (const awb of ['A1', 'A2']) await post(`${hub.url}/webhooks/shipping`, JSON.stringify({ awb, current_status: 'DELIVERED' }), { 'x-api-token': 'tok_cli_value_123' });
      await drained(hub);
      await hub.stopWorkers();
      const [first, second] = await hub.queue.listDead();
      const lines: string[] = [];
      const cli = (...args: string[]) => runCli([...args, '--config', configPath], (line) => lines.push(line));
      await expect(cli('dlq', 'list')).resolves.toBe(0);
      expect(lines.join('\n')).toContain(first!.id);
      await expect(cli('events', 'show', first!.id)).resolves.toBe(0);
      expect(lines.join('\n')).toContain('"status": "dead"');
      await expect(cli('dlq', 'replay', first!.id)).resolves.toBe(0);
      expect((await hub.queue.get(first!.id))?.status).toBe('queued');
      await expect(cli('dlq', 'reject', second!.id)).resolves.toBe(1);
      await expect(cli('dlq', 'reject', second!.id, '--reason', 'carrier test data')).resolves.toBe(0);
      expect(await hub.queue.get(second!.id)).toMatchObject({ status: 'discarded', reason: 'rejected: carrier test data' });
      await expect(cli('events', 'show', 'nope')).resolves.toBe(1);
      await expect(cli('bogus')).resolves.toBe(1);
      await expect(runCli(['--help'], (line) => lines.push(line))).resolves.toBe(0);
    } finally {
      await cleanup();
      delete process.env[TOKEN_ENV];
    }
  });
});
