import { describe, expect, it } from 'vitest';
import { loadConfig, silentLog, startHub } from '../src/index.js';
import { POSTGRES_SERVICE, REDIS_SERVICE, requireServices } from '@interlock/testkit';
import { DESCRIPTORS, drained, ENV, signedPost, TOY, TOY_CONNECTOR } from './support.js';
import { ToyProvider } from './toy/toy-provider.js';

const up = await requireServices('the hub on many machines', [POSTGRES_SERVICE, REDIS_SERVICE]);

describe.skipIf(!up)('hub on PostgreSQL and Redis/BullMQ (many machines)', () => {
  it('takes a signed webhook, dedupes it and applies it through the shared engines', { timeout: 60_000 }, async () => {
    const prefix = `hubtest${Date.now()}`;
    const toy = await ToyProvider.start();
    const config = loadConfig(undefined, {
      port: 0,
      // Its own schema and key prefix: other runs and other tests on this machine share nothing with it.
      store: { kind: 'postgres', connectionStringEnv: 'HUB_TEST_DATABASE_URL', schema: prefix },
      queue: { kind: 'bullmq', host: '127.0.0.1', port: 6379, prefix },
      reconciliation: { enabled: false },
      providers: [{ name: TOY, connector: TOY_CONNECTOR, options: { baseUrl: toy.url } }],
    });
    const hub = await startHub({
      config,
      descriptors: DESCRIPTORS,
      env: { ...ENV, HUB_TEST_DATABASE_URL: process.env['INTERLOCK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' },
      log: silentLog,
    });
    try {
      const url = `${hub.url}/webhooks/${TOY}`;
      const at = new Date().toISOString();
      const event = { id: `evt_${prefix}`, type: 'ticket.open', at, ticket: { id: `T_${prefix}`, status: 'open', updated_at: at, fee: 100 } };
      await expect(signedPost(url, event)).resolves.toEqual({ status: 200, body: '{"status":"accepted"}' });
      await expect(signedPost(url, event)).resolves.toEqual({ status: 200, body: '{"status":"duplicate"}' });
      await drained(hub, 30_000);
      expect(await hub.integrity.getRecord({ provider: TOY, recordType: 'ticket', recordId: `T_${prefix}` })).toMatchObject({ status: 'open' });
    } finally {
      await hub.close();
      await toy.close();
    }
  });
});
