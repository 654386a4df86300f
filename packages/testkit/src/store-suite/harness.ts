import type { Clock, EventQueue, IntegrityStore } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';

/** One engine's event queue, fresh and empty, for one check of the event queue suite. */
export interface EventQueueHarness {
  queue: EventQueue;
  /** A second queue instance over the same storage (another process or hub instance). */
  reopen(): Promise<EventQueue>;
  /**
   * The clock the queue runs on. With a FakeClock the suite moves time itself (and asserts
   * rates exactly); with a real clock it waits for real, so keep the engine's poll interval short.
   */
  clock: FakeClock | Clock;
  /** Closes every queue the harness opened (`queue` and those from `reopen`) and removes the storage. */
  cleanup(): Promise<void>;
  /** The engine forgets finished events itself after a TTL (BullMQ), so `prune` forgets nothing. */
  expiresByTtl?: boolean | undefined;
}

/** The idempotency timings an engine was opened with, so the suite can test them at their edges. */
export interface IdempotencyTimings {
  /** How long a key is remembered after its first claim. */
  ttlMs: number;
  /** How long a claim may stay in progress before it counts as abandoned. */
  lockTimeoutMs: number;
}

/** The same defaults as core's MemoryIdempotencyStore: 24 hours and 60 seconds. */
export const DEFAULT_IDEMPOTENCY_TIMINGS: IdempotencyTimings = { ttlMs: 24 * 60 * 60 * 1000, lockTimeoutMs: 60_000 };

/** One engine's integrity store, fresh and empty, for one check of the integrity store suite. */
export interface IntegrityStoreHarness {
  store: IntegrityStore;
  cleanup(): Promise<void>;
  /** The timings the store was opened with; omit when it uses {@link DEFAULT_IDEMPOTENCY_TIMINGS}. */
  idempotency?: IdempotencyTimings | undefined;
}

/** One check of a store suite; `run` throws when the engine fails it. */
export interface StoreCheck {
  name: string;
  run(): Promise<void>;
}
