import { composeIntegrityStore, systemClock, type Clock, type EventQueue, type IntegrityStore } from '@interlock/core';
import pg from 'pg';
import { PostgresEventQueue } from './events/postgres-event-queue.js';
import { EventTable } from './events/event-table.js';
import { quoteIdentifier } from './identifier.js';
import { AuditTable } from './integrity/audit-table.js';
import { EventApplications } from './integrity/event-applications.js';
import { IdempotencyTable } from './integrity/idempotency-table.js';
import { RecordTable } from './integrity/record-table.js';
import { DEFAULT_SCHEMA, migrate } from './migrations/migrate.js';
import { PoolOwner } from './pool-owner.js';

/** How to reach PostgreSQL and how the store behaves. */
export interface PostgresStoreOptions {
  /** e.g. `postgres://user@host:5432/db`; used when no `pool` is given. */
  connectionString?: string;
  /** A pool to use instead of making one; the store never ends a pool it did not make. */
  pool?: pg.Pool;
  /** The schema holding the store's tables. Default `interlock`. */
  schema?: string;
  /** The time every row is stamped with and consumers sleep on. Default the system clock. */
  clock?: Clock;
  /** How long an idempotency key is remembered after it is first claimed. Default 24 hours. */
  idempotencyTtlMs?: number;
  /** How long an idempotency claim may stay in progress before it counts as abandoned. Default 60 s. */
  idempotencyLockTimeoutMs?: number;
  /**
   * The longest an idle consumer waits before looking for work again (events accepted by another
   * instance). Default 1000 ms; a consumer that finds work claims again at once.
   */
  idlePollMs?: number;
  /**
   * Accepts sent to PostgreSQL in one statement (one round trip, one commit) at most. The accepts
   * of one turn of the event loop go together; a full batch goes at once. Default 256.
   */
  maxBatchSize?: number;
  /** Where a consumer reports a failed query (it carries on after a pause). Default `console.error`. */
  onError?: (error: unknown) => void;
}

/** The event queue and the integrity store on one schema, sharing one pool. */
export interface PostgresStore {
  events: EventQueue;
  integrity: IntegrityStore;
  /** Closes both parts; ends the pool if the store made it. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`Invalid ${name}: expected a positive number, got ${String(value)}`);
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`Invalid ${name}: expected a positive integer, got ${String(value)}`);
  return value;
}

/**
 * Opens the store: makes (or takes) the pool, brings the schema up to date with {@link migrate},
 * and returns the queue and integrity store. If migrating fails, a pool it made is ended again.
 */
export async function openPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const quoted = quoteIdentifier(schema);
  const clock = options.clock ?? systemClock;
  const idempotency = {
    ttlMs: positive('idempotencyTtlMs', options.idempotencyTtlMs ?? DAY_MS),
    lockTimeoutMs: positive('idempotencyLockTimeoutMs', options.idempotencyLockTimeoutMs ?? 60_000),
  };
  const idlePollMs = positive('idlePollMs', options.idlePollMs ?? 1_000);
  const maxBatchSize = positiveInteger('maxBatchSize', options.maxBatchSize ?? 256);
  const onError = options.onError ?? ((error: unknown) => console.error('[@interlock/store-postgres]', error));

  const owner = options.pool
    ? new PoolOwner(options.pool, false)
    : new PoolOwner(new pg.Pool(options.connectionString === undefined ? {} : { connectionString: options.connectionString }), true);
  // An idle client that loses its connection emits 'error'; unhandled, that would crash the process.
  if (!options.pool) owner.pool.on('error', onError);
  try {
    await migrate(owner.pool, schema);
  } catch (error) {
    if (!options.pool) await owner.pool.end();
    throw error;
  }

  const events = new PostgresEventQueue(new EventTable(owner.pool, quoted), { clock, idlePollMs, onError }, maxBatchSize, owner.hold());
  const records = new RecordTable(owner.pool, quoted);
  const audit = new AuditTable(owner.pool, quoted);
  const integrity = composeIntegrityStore({
    idempotency: new IdempotencyTable(owner.pool, quoted, idempotency),
    records,
    audit,
    applications: new EventApplications(owner.pool, quoted, records, audit),
    close: owner.hold(),
  });
  return {
    events,
    integrity,
    close: async () => {
      await Promise.all([events.close(), integrity.close()]);
    },
  };
}
