import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventQueue, IntegrityStore } from '@interlock/core';
import { openSqliteStore, type SqliteStore } from '@interlock/store-sqlite';
import { FakeClock } from '@interlock/testkit';
import type { EventQueueHarness, IntegrityStoreHarness } from '@interlock/testkit/vitest';

/** The SQLite engine's event queue on a temp file for testkit's event queue suite, each queue passed through `wrap`. */
export function sqliteQueueHarness(wrap: (queue: EventQueue) => EventQueue = (queue) => queue): () => Promise<EventQueueHarness> {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-mutants-'));
    const clock = new FakeClock();
    const opened: SqliteStore[] = [];
    const open = (): EventQueue => {
      const store = openSqliteStore({ path: join(dir, 'store.db'), clock, idlePollMs: 50 });
      opened.push(store);
      return wrap(store.events);
    };
    return Promise.resolve({
      queue: open(),
      clock,
      reopen: () => Promise.resolve(open()),
      cleanup: async () => {
        for (const store of opened) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  };
}

/** The SQLite engine's integrity store in memory for testkit's integrity store suite, passed through `wrap`. */
export function sqliteIntegrityHarness(wrap: (store: IntegrityStore) => IntegrityStore = (store) => store): () => Promise<IntegrityStoreHarness> {
  return () => {
    const store = openSqliteStore({ path: ':memory:' });
    return Promise.resolve({ store: wrap(store.integrity), cleanup: () => store.close() });
  };
}

/** The check of a suite whose name starts with `name`; a renamed check fails loudly instead of checking nothing. */
export function checkNamed<C extends { name: string }>(checks: readonly C[], name: string): C {
  const found = checks.find((check) => check.name.startsWith(name));
  if (!found) throw new Error(`no check named ${name}`);
  return found;
}
