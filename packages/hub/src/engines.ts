import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import type { RedisPersistence } from '@interlock/queue-bullmq';
import type { HubConfig } from './config/config.js';
import type { HubLog } from './logging/log.js';
import { createPinoLog } from './logging/pino-log.js';
import { loadOptional } from './optional-package.js';

const ENGINE_PURPOSE = 'The config names an engine that';

export interface Engines {
  queue: EventQueue;
  integrity: IntegrityStore;
  close(): Promise<void>;
}


type BullmqConfig = Extract<HubConfig['queue'], { kind: 'bullmq' }>;

/** Says once, at start, when acknowledged events held only in Redis would not survive its restart. */
type PersistenceCheck = (options: { connection: { host: string; port: number }; timeoutMs: number }) => Promise<RedisPersistence>;

async function warnWithoutPersistence(check: PersistenceCheck, config: BullmqConfig, log: HubLog): Promise<void> {
  const where = `${config.host}:${config.port}`;
  const persistence = await check({ connection: { host: config.host, port: config.port }, timeoutMs: config.timeoutMs });
  if (persistence.kind === 'none') {
    log.warn('Redis keeps acknowledged events in memory only (appendonly no, no save): a Redis restart loses them; see the hub README', { redis: where });
  } else if (persistence.kind === 'unknown') {
    log.warn('Redis persistence could not be checked: acknowledged events survive a Redis restart only with appendonly yes', { redis: where, reason: persistence.reason });
  }
}

/**
 * Opens the store and queue the config names: SQLite by default; PostgreSQL and BullMQ for many
 * machines. Each adapter is imported only when configured, so a hub on SQLite never loads the
 * PostgreSQL or Redis clients.
 */
export async function openEngines(config: HubConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env, log: HubLog = createPinoLog({ level: 'info', clock })): Promise<Engines> {
  let integrity: IntegrityStore;
  let storeQueue: EventQueue;
  let closeStore: () => Promise<void>;
  if (config.store.kind === 'sqlite') {
    if (config.store.path !== ':memory:') mkdirSync(dirname(config.store.path), { recursive: true });
    const { openSqliteStore } = await loadOptional('@interlock/store-sqlite', ENGINE_PURPOSE, () => import('@interlock/store-sqlite'));
    const store = openSqliteStore({ path: config.store.path, clock, synchronous: config.store.synchronous });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  } else {
    const connectionString = env[config.store.connectionStringEnv];
    if (!connectionString) throw new TypeError(`The postgres store needs a connection string in ${config.store.connectionStringEnv}`);
    const { openPostgresStore } = await loadOptional('@interlock/store-postgres', ENGINE_PURPOSE, () => import('@interlock/store-postgres'));
    const store = await openPostgresStore({ connectionString, clock, schema: config.store.schema });
    ({ integrity, events: storeQueue } = store);
    closeStore = () => store.close();
  }
  if (config.queue.kind === 'store') return { queue: storeQueue, integrity, close: closeStore };
  const { createBullmqEventQueue, checkRedisPersistence } = await loadOptional('@interlock/queue-bullmq', ENGINE_PURPOSE, () => import('@interlock/queue-bullmq'));
  const bullmq = config.queue;
  const queue = createBullmqEventQueue({
    connection: { host: bullmq.host, port: bullmq.port },
    clock,
    timeoutMs: bullmq.timeoutMs,
    // Redis forgets finished jobs and dedupe keys by itself; a configured retention sets how late.
    ...(config.retention.keepHours === undefined ? {} : { dedupeTtlMs: config.retention.keepHours * 3_600_000 }),
    ...(bullmq.prefix === undefined ? {} : { prefix: bullmq.prefix }),
    ...(bullmq.queueName === undefined ? {} : { queueName: bullmq.queueName }),
    onConnectionChange: (state, detail) => log.warn(state === 'down' ? 'queue engine down: webhooks answer 503 until Redis is back' : 'queue engine back up', { redis: `${bullmq.host}:${bullmq.port}`, detail }),
    onError: (error) => log.warn('queue engine error', { error: error instanceof Error ? error.message : String(error) }),
  });
  await warnWithoutPersistence(checkRedisPersistence, bullmq, log);
  return {
    queue,
    integrity,
    close: async () => {
      await queue.close();
      await closeStore();
    },
  };
}
