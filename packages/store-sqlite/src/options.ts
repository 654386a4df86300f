import { systemClock, type Clock } from '@interlock/core';

/** How to open the store. */
export interface SqliteStoreOptions {
  /** The database file; `':memory:'` for tests (no WAL, nothing survives `close`). */
  path: string;
  /** Stamps `updatedAt`, leases and retry delays, and paces consumers. Default: the system clock. */
  clock?: Clock | undefined;
  /** How long a write waits for another connection's write lock before failing, the event loop running on meanwhile. Default 5 s. */
  busyTimeoutMs?: number | undefined;
  /**
   * `'normal'` (default): an acknowledged write survives a crash of this process, not a power
   * loss or an OS crash. `'full'`: it survives those too, at one fsync per group commit.
   */
  synchronous?: 'normal' | 'full' | undefined;
  /**
   * How often a background thread checkpoints the WAL into the database file, so that no commit
   * on the event loop pays for it. Default 250 ms. `0` turns the thread off and leaves SQLite's
   * own checkpoints on (each one then stalls a commit for a few milliseconds).
   */
  checkpointIntervalMs?: number | undefined;
  /** Writes committed together at most; a full batch commits at once, a partial one on the next turn of the event loop. Default 256. */
  maxBatchSize?: number | undefined;
  /** How long an idle consumer waits before looking for work again. Default 200 ms. Events accepted in this process wake it at once. */
  idlePollMs?: number | undefined;
  /** Idempotency keys: how long a key is remembered (default 24 h) and how long a claim may stay in progress (default 60 s). */
  idempotency?: { ttlMs?: number | undefined; lockTimeoutMs?: number | undefined } | undefined;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  path: string;
  inMemory: boolean;
  clock: Clock;
  busyTimeoutMs: number;
  synchronous: 'normal' | 'full';
  checkpointIntervalMs: number;
  maxBatchSize: number;
  idlePollMs: number;
  idempotencyTtlMs: number;
  idempotencyLockTimeoutMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fills in defaults and refuses values that would make the store misbehave quietly. */
export function resolveOptions(options: SqliteStoreOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    path: options.path,
    inMemory: options.path === ':memory:' || options.path === '',
    clock: options.clock ?? systemClock,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    synchronous: options.synchronous ?? 'normal',
    checkpointIntervalMs: options.checkpointIntervalMs ?? 250,
    maxBatchSize: options.maxBatchSize ?? 256,
    idlePollMs: options.idlePollMs ?? 200,
    idempotencyTtlMs: options.idempotency?.ttlMs ?? DAY_MS,
    idempotencyLockTimeoutMs: options.idempotency?.lockTimeoutMs ?? 60_000,
  };
  for (const [name, value, min] of [
    ['busyTimeoutMs', resolved.busyTimeoutMs, 0],
    ['checkpointIntervalMs', resolved.checkpointIntervalMs, 0],
    ['maxBatchSize', resolved.maxBatchSize, 1],
    ['idlePollMs', resolved.idlePollMs, 1],
    ['idempotency.ttlMs', resolved.idempotencyTtlMs, 1],
    ['idempotency.lockTimeoutMs', resolved.idempotencyLockTimeoutMs, 1],
  ] as const) {
    if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number of at least ${min}, got ${value}`);
  }
  return resolved;
}
