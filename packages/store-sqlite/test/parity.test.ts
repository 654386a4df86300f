import { runEventQueueSuite, runIntegrityStoreSuite } from '@interlock/testkit/vitest';
import { openSqliteStore } from '../src/index.js';
import { tempStores } from './temp-store.js';

runEventQueueSuite('sqlite (file, WAL)', () => {
  const stores = tempStores();
  return Promise.resolve({
    queue: stores.open().events,
    clock: stores.clock,
    reopen: () => Promise.resolve(stores.open().events),
    cleanup: () => stores.cleanup(),
  });
});

runIntegrityStoreSuite('sqlite (file, WAL)', () => {
  const stores = tempStores();
  return Promise.resolve({ store: stores.open().integrity, cleanup: () => stores.cleanup() });
});

runIntegrityStoreSuite('sqlite (:memory:)', () => {
  const store = openSqliteStore({ path: ':memory:' });
  return Promise.resolve({ store: store.integrity, cleanup: () => store.close() });
});
