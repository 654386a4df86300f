import type { Connection, Statement } from '../database/connection.js';

/** One row of `idempotency_keys`. */
export interface KeyRow {
  fingerprint: string;
  first_claimed_at: number;
  claimed_at: number;
  outcome: string | null;
}

/** How many expired keys one `begin` deletes at most, so forgetting never becomes a long write. */
export const PURGE_BATCH = 100;

/** The prepared statements of the idempotency keys. */
export class IdempotencyStatements {
  readonly find: Statement<[string, string], KeyRow>;
  readonly insert: Statement<[string, string, string, number, number]>;
  readonly forget: Statement<[string, string]>;
  readonly reclaim: Statement<[number, string, string]>;
  readonly complete: Statement<[string, string, string, number]>;
  readonly release: Statement<[string, string]>;
  /** Deletes up to PURGE_BATCH keys whose TTL ran out, oldest first, through the first-claim index. */
  readonly purgeExpired: Statement<[number]>;

  constructor(db: Connection) {
    this.find = db.prepare<[string, string], KeyRow>('SELECT fingerprint, first_claimed_at, claimed_at, outcome FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.insert = db.prepare<[string, string, string, number, number]>(
      'INSERT INTO idempotency_keys (scope, key, fingerprint, first_claimed_at, claimed_at, outcome) VALUES (?, ?, ?, ?, ?, NULL)',
    );
    this.forget = db.prepare<[string, string]>('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?');
    this.reclaim = db.prepare<[number, string, string]>('UPDATE idempotency_keys SET claimed_at = ? WHERE scope = ? AND key = ?');
    this.complete = db.prepare<[string, string, string, number]>('UPDATE idempotency_keys SET outcome = ? WHERE scope = ? AND key = ? AND first_claimed_at > ?');
    this.release = db.prepare<[string, string]>('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND outcome IS NULL');
    this.purgeExpired = db.prepare<[number]>(
      `DELETE FROM idempotency_keys WHERE rowid IN (
         SELECT rowid FROM idempotency_keys WHERE first_claimed_at <= ? ORDER BY first_claimed_at LIMIT ${PURGE_BATCH})`,
    );
  }
}
