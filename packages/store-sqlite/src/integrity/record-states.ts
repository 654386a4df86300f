import { RECORD_LIST_LIMIT, recordStateFromRow, type RecordFilter, type RecordKey, type RecordRow, type RecordState } from '@interlock/core';
import type { Connection } from '../database/connection.js';
import type { GroupCommit } from '../database/group-commit.js';
import { promised } from '../database/promised.js';

/** Record states with compare-and-set writes: the version in the WHERE clause is the whole lock. */
export class RecordStates {
  private readonly find;
  private readonly create;
  private readonly update;
  private readonly listing;

  constructor(
    db: Connection,
    private readonly writes: GroupCommit,
  ) {
    this.find = db.prepare<[string, string, string], RecordRow>('SELECT * FROM record_states WHERE provider = ? AND record_type = ? AND record_id = ?');
    this.create = db.prepare<[string, string, string, string, number, string | null]>(
      `INSERT INTO record_states (provider, record_type, record_id, status, updated_at, snapshot, version) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (provider, record_type, record_id) DO NOTHING`,
    );
    this.update = db.prepare<[string, number, string | null, string, string, string, number]>(
      'UPDATE record_states SET status = ?, updated_at = ?, snapshot = ?, version = version + 1 WHERE provider = ? AND record_type = ? AND record_id = ? AND version = ?',
    );
    // An open end of the window is the widest safe integer, so one statement serves every filter through the index.
    this.listing = db.prepare<[string, string, number, number, number], RecordRow>(
      `SELECT * FROM record_states WHERE provider = ? AND record_type = ? AND updated_at >= ? AND updated_at < ?
       ORDER BY updated_at, record_id LIMIT ?`,
    );
  }

  /** The record's last applied state, or undefined if none was ever written. */
  get(key: RecordKey): Promise<RecordState | undefined> {
    return promised(() => {
      const row = this.find.get(key.provider, key.recordType, key.recordId);
      return row && recordStateFromRow(row);
    });
  }

  /** Writes `next` if the stored version is still `expectedVersion` (undefined: absent); false when another writer won. */
  put(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    return this.writes.run(() => this.write(next, expectedVersion));
  }

  /** The compare-and-set itself, for a caller already inside a write transaction. */
  write(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): boolean {
    const snapshot = next.snapshot ?? null;
    const result =
      expectedVersion === undefined
        ? this.create.run(next.provider, next.recordType, next.recordId, next.status, next.updatedAt, snapshot)
        : this.update.run(next.status, next.updatedAt, snapshot, next.provider, next.recordType, next.recordId, expectedVersion);
    return result.changes === 1;
  }

  /** One provider's records of one type updated in [updatedFrom, updatedTo), by updatedAt then recordId. */
  list(filter: RecordFilter): Promise<readonly RecordState[]> {
    const from = filter.updatedFrom ?? Number.MIN_SAFE_INTEGER;
    const to = filter.updatedTo ?? Number.MAX_SAFE_INTEGER;
    return promised(() => this.listing.all(filter.provider, filter.recordType, from, to, filter.limit ?? RECORD_LIST_LIMIT).map(recordStateFromRow));
  }
}
