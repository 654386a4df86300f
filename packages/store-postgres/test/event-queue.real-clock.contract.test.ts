import { systemClock } from '@interlock/core';
import { runEventQueueSuite, type EventQueueHarness } from '@interlock/testkit/vitest';
import { beforeAll, describe } from 'vitest';
import { postgresService } from './support/postgres-service.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

/**
 * The shared EventQueue suite once more on the system clock, as the hub runs it: this exercises
 * the real-time polling (a short idle poll, since accepts by another instance wake no one).
 */
async function onSystemClock(): Promise<EventQueueHarness> {
  const db = new TestDatabase();
  const store = await db.open({ idlePollMs: 25 });
  return {
    queue: store.events,
    reopen: async () => (await db.open({ idlePollMs: 25 })).events,
    clock: systemClock,
    cleanup: () => db.cleanup(),
  };
}

describe.skipIf(service.skip)('PostgreSQL', () => {
  beforeAll(() => service.requireReachable());
  runEventQueueSuite('postgres on the system clock', onSystemClock);
});
