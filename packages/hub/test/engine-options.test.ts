import { describe, expect, it, vi } from 'vitest';
import { systemClock } from '@interlock/core';
import type * as StoreSqlite from '@interlock/store-sqlite';
import { loadConfig, openEngines } from '../src/index.js';

const opened = vi.hoisted(() => [] as unknown[]);
vi.mock('@interlock/store-sqlite', async (importOriginal) => {
  const original = await importOriginal<typeof StoreSqlite>();
  return { ...original, openSqliteStore: (options: Parameters<typeof original.openSqliteStore>[0]) => (opened.push(options), original.openSqliteStore(options)) };
});

describe('engine options from the config', () => {
  it("hands SQLite's synchronous setting to the store: normal by default, full on request", async () => {
    for (const synchronous of [undefined, 'full'] as const) {
      const config = loadConfig(undefined, { store: { kind: 'sqlite', path: ':memory:', ...(synchronous ? { synchronous } : {}) } });
      const engines = await openEngines(config, systemClock);
      await engines.close();
    }
    expect(opened).toMatchObject([{ synchronous: 'normal' }, { synchronous: 'full' }]);
  });
});
