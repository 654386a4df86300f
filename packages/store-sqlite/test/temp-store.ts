import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@interlock/testkit';
import { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from '../src/index.js';

/** Stores on one database file in a fresh temp directory, all closed and removed by `cleanup`. */
export interface TempStores {
  path: string;
  clock: FakeClock;
  /** Opens another store on the same file (as another hub instance would). */
  open(overrides?: Partial<SqliteStoreOptions>): SqliteStore;
  cleanup(): Promise<void>;
}

/** A temp database file; stores opened through it share a FakeClock unless told otherwise. */
export function tempStores(defaults: Partial<SqliteStoreOptions> = {}): TempStores {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-sqlite-'));
  const path = join(dir, 'store.db');
  const clock = new FakeClock();
  const opened: SqliteStore[] = [];
  return {
    path,
    clock,
    open(overrides = {}) {
      const store = openSqliteStore({ path, clock, idlePollMs: 50, ...defaults, ...overrides });
      opened.push(store);
      return store;
    },
    async cleanup() {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
