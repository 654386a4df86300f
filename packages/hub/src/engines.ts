import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import type { HubConfig } from './config/config.js';

/**
 * Loads an engine adapter the config names. PostgreSQL and BullMQ are optional peers (a hub on
 * SQLite installs neither), so a missing one is explained, not thrown as a bare module error.
 */
export async function loadAdapter<M>(packageName: string, load: () => Promise<M>): Promise<M> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new TypeError(`The config names an engine from ${packageName}, which is not installed: npm install ${packageName}`);
    }
    throw error;
  }
}

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
    const { openSqliteStore } = await loadAdapter('@interlock/store-sqlite', () => import('@interlock/store-sqlite'));
    const store = openSqliteStore({ path: config.store.path, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  } else {
    const connectionString = env[config.store.connectionStringEnv];
    if (!connectionString) throw new TypeError(`The postgres store needs a connection string in ${config.store.connectionStringEnv}`);
    const { openPostgresStore } = await loadAdapter('@interlock/store-postgres', () => import('@interlock/store-postgres'));
    const store = await openPostgresStore({ connectionString, clock });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  }
  if (config.queue.kind === 'store') return { queue: storeQueue, integrity, close: closeStore };
  const { createBullmqEventQueue } = await loadAdapter('@interlock/queue-bullmq', () => import('@interlock/queue-bullmq'));
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
