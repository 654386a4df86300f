import type { BeginResult, IdempotencyStore, StoredOutcome } from '@interlock/core';
import type { GroupCommit } from '../database/group-commit.js';
import type { IdempotencyStatements } from './idempotency-statements.js';

/** Key lifetimes, as core's MemoryIdempotencyStore takes them. */
export interface IdempotencyTimings {
  ttlMs: number;
  lockTimeoutMs: number;
}

/**
 * The IdempotencyStore contract on SQLite, with MemoryIdempotencyStore's semantics: a key lives
 * `ttlMs` from its first claim; a claim left in progress for `lockTimeoutMs` counts as
 * abandoned. Each call is one write through the group commit, so its read and its write are
 * atomic against every other process on the file.
 */
export class SqliteIdempotency implements IdempotencyStore {
  constructor(
    private readonly statements: IdempotencyStatements,
    private readonly writes: GroupCommit,
    private readonly timings: IdempotencyTimings,
  ) {}

  begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult> {
    const { statements, timings } = this;
    return this.writes.run((): BeginResult => {
      statements.purgeExpired.run(now - timings.ttlMs);
      let row = statements.find.get(scope, key);
      // Covers a wall clock that stepped back, as the memory store does: expiry is per key.
      if (row && now - row.first_claimed_at >= timings.ttlMs) {
        statements.forget.run(scope, key);
        row = undefined;
      }
      if (!row) {
        statements.insert.run(scope, key, fingerprint, now, now);
        return { state: 'new' };
      }
      if (row.fingerprint !== fingerprint) return { state: 'mismatch', storedFingerprint: row.fingerprint };
      if (row.outcome !== null) return { state: 'completed', outcome: JSON.parse(row.outcome) as StoredOutcome };
      if (now - row.claimed_at < timings.lockTimeoutMs) return { state: 'in_progress' };
      statements.reclaim.run(now, scope, key);
      return { state: 'new' };
    });
  }

  /** Stores the outcome for replays; a key whose TTL ran out during the run is left alone. */
  async complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void> {
    const serialized = JSON.stringify(outcome);
    await this.writes.run(() => this.statements.complete.run(serialized, scope, key, now - this.timings.ttlMs));
  }

  /** Frees an in-progress claim; a completed outcome is kept, since replays depend on it. */
  async release(scope: string, key: string): Promise<void> {
    await this.writes.run(() => this.statements.release.run(scope, key));
  }
}
