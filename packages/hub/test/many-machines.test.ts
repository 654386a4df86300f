import { describe, expect, it } from 'vitest';
import { loadConfig, startHub } from '../src/index.js';
import { DEMO_PROVIDER, demoPaymentsInterpreter } from '../src/demo/demo-payments.js';
import { listening, requireServices } from './services.js';
import { drained, SECRET, SECRETS_ENV, signedPost } from './support.js';

const up = await requireServices(['PostgreSQL', 'Redis'], (await listening('127.0.0.1', 5432)) && (await listening('127.0.0.1', 6379)));

describe.skipIf(!up)('hub on PostgreSQL and Redis/BullMQ (many machines)', () => {
  it('takes a signed webhook, dedupes it and applies it through the shared engines', { timeout: 60_000 }, async () => {
    const prefix = `hubtest${Date.now()}`;
    const config = loadConfig(undefined, {
      port: 0,
      store: { kind: 'postgres', connectionStringEnv: 'HUB_TEST_DATABASE_URL' },
      queue: { kind: 'bullmq', host: '127.0.0.1', port: 6379 },
      providers: [{ name: DEMO_PROVIDER, verification: 'stripe', secretsEnv: SECRETS_ENV, occurredAt: 'created' }],
    });
    const hub = await startHub({
      config,
      env: { [SECRETS_ENV]: SECRET, HUB_TEST_DATABASE_URL: process.env['INTERLOCK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
      interpreters: new Map([[DEMO_PROVIDER, demoPaymentsInterpreter]]),
      log: { warn: () => undefined },
    });
    try {
      const url = `${hub.url}/webhooks/${DEMO_PROVIDER}`;
      const event = { id: `evt_${prefix}`, type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000), data: { object: { id: `pi_${prefix}`, status: 'succeeded' } } };
      await expect(signedPost(url, event)).resolves.toEqual({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(url, event)).resolves.toEqual({ status: 200, body: '{"status":"duplicate"}' });
      await drained(hub, 30_000);
      expect(await hub.integrity.getRecord({ provider: DEMO_PROVIDER, recordType: 'payment', recordId: `pi_${prefix}` })).toMatchObject({ status: 'succeeded' });
    } finally {
      await hub.close();
    }
  });
});
