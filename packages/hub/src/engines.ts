import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import { createBullmqEventQueue } from '@interlock/queue-bullmq';
import { openPostgresStore } from '@interlock/store-postgres';
import { openSqliteStore } from '@interlock/store-sqlite';
import type { HubConfig } from './config/config.js';

export interface Engines {
  queue: EventQueue;
  integrity: IntegrityStore;
  close(): Promise<void>;
}

/** Opens the store and queue the config names: SQLite by default; PostgreSQL and BullMQ for many machines. */
export async function openEngines(config: HubConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<Engines> {
  let integrity: IntegrityStore;
  let storeQueue: EventQueue;
  let closeStore: () => Promise<void>;
  if (config.store.kind === 'sqlite') {
    if (config.store.path !== ':memory:') mkdirSync(dirname(config.store.path), { recursive: true });
    const store = openSqliteStore({ path: config.store.path, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  } else {
    const connectionString = env[config.store.connectionStringEnv];
    if (!connectionString) throw new TypeError(`The postgres store needs a connection string in ${config.store.connectionStringEnv}`);
    const store = await openPostgresStore({ connectionString, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  }
  if (config.queue.kind === 'store') return { queue: storeQueue, integrity, close: closeStore };
  const queue = createBullmqEventQueue({ connection: { host: config.queue.host, port: config.queue.port }, clock });
  return {
    queue,
    integrity,
    close: async () => {
      await queue.close();
      await closeStore();
    },
  };
}
