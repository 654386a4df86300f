import { runIntegrityStoreSuite, type IntegrityStoreHarness } from '@interlock/testkit/vitest';
import { beforeAll, describe } from 'vitest';
import { postgresService } from './support/postgres-service.js';
import { TestDatabase } from './support/test-database.js';

const service = await postgresService();

// Not the defaults, so the suite also checks that the options reach the store.
const idempotency = { ttlMs: 10 * 60_000, lockTimeoutMs: 5_000 };

async function create(): Promise<IntegrityStoreHarness> {
  const db = new TestDatabase();
  const store = await db.open({ idempotencyTtlMs: idempotency.ttlMs, idempotencyLockTimeoutMs: idempotency.lockTimeoutMs });
  return { store: store.integrity, idempotency, cleanup: () => db.cleanup() };
}

describe.skipIf(service.skip)('PostgreSQL', () => {
  beforeAll(() => service.requireReachable());
  runIntegrityStoreSuite('postgres', create);
});
