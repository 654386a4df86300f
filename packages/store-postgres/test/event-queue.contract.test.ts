import { FakeClock } from '@interlock/testkit';
import { runEventQueueSuite, type EventQueueHarness } from '@interlock/testkit/vitest';
import { beforeAll, describe } from 'vitest';
import { postgresService } from './support/postgres-service.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

/**
 * The shared EventQueue suite on a FakeClock: the suite steps time itself (and asserts the start
 * rate exactly), while every query is real I/O against the server. Each check gets its own schema.
 */
async function onFakeClock(): Promise<EventQueueHarness> {
  const clock = new FakeClock();
  const db = new TestDatabase();
  const store = await db.open({ clock });
  return {
    queue: store.events,
    reopen: async () => (await db.open({ clock })).events,
    clock,
    cleanup: () => db.cleanup(),
  };
}

describe.skipIf(service.skip)('PostgreSQL', () => {
  beforeAll(() => service.requireReachable());
  runEventQueueSuite('postgres', onFakeClock);
});
