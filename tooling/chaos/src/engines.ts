import type { Clock, EventQueue } from '@interlock/core';
import { loadConfig, openEngines, type Engines, type HubConfigInput } from '@interlock/hub';
import { withMember } from './with-member.js';

/** The engines a chaos run can put under the hub. */
export const ENGINE_NAMES = ['sqlite', 'postgres', 'postgres+bullmq'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface RedisEndpoint {
  host: string;
  port: number;
}

/** Where one run keeps its events and records: a file, a schema or a key prefix of its own, so runs never meet. */
export type EngineSpec =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; connectionString: string; schema: string }
  | { engine: 'postgres+bullmq'; connectionString: string; schema: string; redis: RedisEndpoint; prefix: string };

/** What the spec says, as the hub's config would say it (the config is what the hub reports and checks). */
export function storeConfig(spec: EngineSpec): Pick<HubConfigInput, 'store' | 'queue'> {
  if (spec.engine === 'sqlite') return { store: { kind: 'sqlite', path: spec.path }, queue: { kind: 'store' } };
  const store = { kind: 'postgres' as const, connectionStringEnv: 'INTERLOCK_CHAOS_DATABASE_URL' };
  return spec.engine === 'postgres' ? { store, queue: { kind: 'store' } } : { store, queue: { kind: 'bullmq', host: spec.redis.host, port: spec.redis.port } };
}

/**
 * Opens the run's engines, in the hub's child process and, after it stopped, in the parent for the
 * checks. SQLite goes through the hub's own `openEngines`; the other adapters are imported only
 * when the spec needs them. The PostgreSQL schema and the BullMQ key prefix are passed to the
 * adapters directly: the committed hub config has neither option yet (`openEngines` would put
 * every run in the shared `interlock` schema and `bull` prefix).
 */
export async function openRunEngines(spec: EngineSpec, clock: Clock): Promise<Engines> {
  if (spec.engine === 'sqlite') return openEngines(loadConfig(undefined, storeConfig(spec)), clock);
  const { openPostgresStore } = await import('@interlock/store-postgres');
  const store = await openPostgresStore({ connectionString: spec.connectionString, schema: spec.schema, clock });
  if (spec.engine === 'postgres') return { queue: store.events, integrity: store.integrity, close: () => store.close() };
  const { createBullmqEventQueue } = await import('@interlock/queue-bullmq');
  const queue = createBullmqEventQueue({ connection: spec.redis, prefix: spec.prefix, clock });
  return {
    queue,
    integrity: store.integrity,
    close: async () => {
      await queue.close();
      await store.close();
    },
  };
}

/**
 * The queue with every consumer's lease set to `leaseMs`. The hub's config has no lease option and
 * the engines' default is 30 s: each kill would leave the killed worker's events invisible for that
 * long, and twenty kills would not fit in a CI minute.
 */
export function withLease(queue: EventQueue, leaseMs: number): EventQueue {
  const consume: EventQueue['consume'] = (handler, options) => queue.consume(handler, { ...options, leaseMs });
  return withMember(queue, 'consume', consume);
}

/** Loads the adapters `spec` needs ahead of time, so that opening them costs no module loading. */
export async function preloadAdapters(spec: EngineSpec): Promise<void> {
  if (spec.engine === 'sqlite') await import('@interlock/store-sqlite');
  else await import('@interlock/store-postgres');
  if (spec.engine === 'postgres+bullmq') await import('@interlock/queue-bullmq');
}
