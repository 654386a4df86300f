import { describe, expect, it } from 'vitest';
import type { HubConfigInput } from '../src/index.js';
import { ConsoleClient } from './console-client.js';
import { brokenTicket, consoleHub, deadLetterFrom, OPERATOR_TOKEN, signedIn } from './console-harness.js';
import { POSTGRES_SERVICE, REDIS_SERVICE, requireServices } from '@interlock/testkit';
import { drained, TOY } from './support.js';

const up = await requireServices('the console on PostgreSQL and BullMQ', [POSTGRES_SERVICE, REDIS_SERVICE]);
const DATABASE_URL = process.env['INTERLOCK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Each run on its own schema and key prefix: other runs and tests on this machine share nothing with it. */
const engines: Record<string, (prefix: string) => HubConfigInput> = {
  PostgreSQL: (prefix) => ({ store: { kind: 'postgres', connectionStringEnv: 'CONSOLE_TEST_DATABASE_URL', schema: prefix } }),
  'PostgreSQL and BullMQ': (prefix) => ({
    store: { kind: 'postgres', connectionStringEnv: 'CONSOLE_TEST_DATABASE_URL', schema: prefix },
    queue: { kind: 'bullmq', host: '127.0.0.1', port: 6379, prefix },
  }),
};

describe.skipIf(!up)('the console on the shared engines', () => {
  for (const [name, engine] of Object.entries(engines)) {
    it(`lists a dead letter, corrects and replays it until applied, on ${name}`, { timeout: 60_000 }, async () => {
      const prefix = `console${Date.now()}`;
      const run = await consoleHub({ ...engine(prefix), polling: { enabled: false } }, { CONSOLE_TEST_DATABASE_URL: DATABASE_URL });
      try {
        const at = new Date().toISOString();
        const broken = { ...brokenTicket(at), id: `evt_${prefix}` };
        const id = await deadLetterFrom(run.hub, broken, `corr-${prefix}`);
        const alice = await signedIn(run.hub, OPERATOR_TOKEN);
        expect((await alice.get(`/console/failed?provider=${TOY}`)).body).toContain(`/console/events/${id}`);
        const csrf = ConsoleClient.csrf((await alice.get(`/console/events/${id}`)).body);
        const fixed = JSON.stringify({ ...broken, ticket: { id: `T_${prefix}`, status: 'open', updated_at: at, fee: 500 } });
        await expect(alice.post(`/console/events/${id}/correct/preview`, { csrf, payload: fixed, reason: 'id lost' })).resolves.toMatchObject({ status: 200 });
        await expect(alice.post(`/console/events/${id}/correct`, { csrf, payload: fixed, reason: 'id lost' })).resolves.toMatchObject({ status: 303 });
        await drained(run.hub, 30_000);
        expect(await run.hub.queue.get(id)).toMatchObject({ status: 'applied' });
        const page = (await alice.get(`/console/events/${id}`)).body;
        expect(page).toContain('yes: applied');
        expect(page).toContain('<td>console:alice</td><td>replay dead letter</td><td>replayed</td>');
      } finally {
        await run.cleanup();
      }
    });
  }
});
