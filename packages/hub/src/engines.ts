import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import type { HubConfig } from './config/config.js';

export interface Engines {
  queue: EventQueue;
  integrity: IntegrityStore;
  close(): Promise<void>;
}

/**
 * Opens the store and queue the config names: SQLite by default; PostgreSQL and BullMQ for many
 * machines. Each adapter is imported only when configured, so a hub on SQLite never loads the
 * PostgreSQL or Redis clients.
 */
export async function openEngines(config: HubConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env): Promise<Engines> {
  let integrity: IntegrityStore;
  let storeQueue: EventQueue;
  let closeStore: () => Promise<void>;
  if (config.store.kind === 'sqlite') {
    if (config.store.path !== ':memory:') mkdirSync(dirname(config.store.path), { recursive: true });
    const { openSqliteStore } = await import('@interlock/store-sqlite');
    const store = openSqliteStore({ path: config.store.path, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  } else {
    const connectionString = env[config.store.connectionStringEnv];
    if (!connectionString) throw new TypeError(`The postgres store needs a connection string in ${config.store.connectionStringEnv}`);
    const { openPostgresStore } = await import('@interlock/store-postgres');
    const store = await openPostgresStore({ connectionString, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  }
  if (config.queue.kind === 'store') return { queue: storeQueue, integrity, close: closeStore };
  const { createBullmqEventQueue } = await import('@interlock/queue-bullmq');
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
