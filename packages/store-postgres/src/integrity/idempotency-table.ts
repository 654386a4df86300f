import type { BeginResult, StoredOutcome } from '@interlock/core';
import type { Pool } from 'pg';

/** How long keys live and how long a claim may stay in progress; the same knobs as MemoryIdempotencyStore. */
export interface IdempotencySettings {
  /** How long a key is remembered after it is first claimed. */
  ttlMs: number;
  /** How long a claim may stay in progress before it counts as abandoned and may be re-claimed. */
  lockTimeoutMs: number;
}

/** Expired keys are deleted at most this often per store, so the sweep costs nothing per call. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Idempotency keys in `<schema>.idempotency_keys`, with the semantics of MemoryIdempotencyStore
 * but safe across processes: every decision is taken inside one statement, under the row lock.
 */
export class IdempotencyTable {
  private readonly table: string;
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly settings: IdempotencySettings,
  ) {
    this.table = `${schema}.idempotency_keys`;
  }

  async begin(scope: string, key: string, fingerprint: string, now: number): Promise<BeginResult> {
    await this.sweep(now);
    // A row that vanishes between the two statements (released meanwhile) is simply claimed on the next pass.
    for (;;) {
      if (await this.claim(scope, key, fingerprint, now)) return { state: 'new' };
      const held = await this.pool.query<{ fingerprint: string; outcome: string | null }>(
        `SELECT fingerprint, outcome FROM ${this.table} WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      const row = held.rows[0];
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { state: 'mismatch', storedFingerprint: row.fingerprint };
      if (row.outcome !== null) return { state: 'completed', outcome: JSON.parse(row.outcome) as StoredOutcome };
      return { state: 'in_progress' };
    }
  }

  /** Stores the outcome for replays; a key whose TTL ran out during the run is left alone, as in memory. */
  async complete(scope: string, key: string, outcome: StoredOutcome, now: number): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET outcome = $3
       WHERE scope = $1 AND key = $2 AND $4 - first_claimed_at < $5`,
      [scope, key, JSON.stringify(outcome), now, this.settings.ttlMs],
    );
  }

  /** Frees an in-progress claim; a completed outcome is kept, since replays depend on it. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE scope = $1 AND key = $2 AND outcome IS NULL`, [scope, key]);
  }

  /**
   * Claims the key in one statement: inserts it, or takes over a row whose TTL ran out (any
   * fingerprint) or whose same-fingerprint claim was abandoned. True when the claim is ours.
   */
  private async claim(scope: string, key: string, fingerprint: string, now: number): Promise<boolean> {
    const expired = `$4 - t.first_claimed_at >= $5`;
    const result = await this.pool.query(
      `INSERT INTO ${this.table} AS t (scope, key, fingerprint, first_claimed_at, claimed_at, outcome)
       VALUES ($1, $2, $3, $4, $4, NULL)
       ON CONFLICT (scope, key) DO UPDATE SET
         fingerprint      = EXCLUDED.fingerprint,
         first_claimed_at = CASE WHEN ${expired} THEN EXCLUDED.first_claimed_at ELSE t.first_claimed_at END,
         claimed_at       = EXCLUDED.claimed_at,
         outcome          = NULL
       WHERE ${expired}
          OR (t.fingerprint = EXCLUDED.fingerprint AND t.outcome IS NULL AND $4 - t.claimed_at >= $6)`,
      [scope, key, fingerprint, now, this.settings.ttlMs, this.settings.lockTimeoutMs],
    );
    return result.rowCount === 1;
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweepAt < SWEEP_INTERVAL_MS) return;
    this.lastSweepAt = now;
    await this.pool.query(`DELETE FROM ${this.table} WHERE first_claimed_at <= $1`, [now - this.settings.ttlMs]);
  }
}
