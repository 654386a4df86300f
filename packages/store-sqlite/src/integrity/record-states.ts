import type { RecordKey, RecordState } from '@interlock/core';
import type { Connection } from '../database/connection.js';
import type { GroupCommit } from '../database/group-commit.js';
import { promised } from '../database/promised.js';

interface RecordRow {
  status: string;
  updated_at: number;
  version: number;
}

/** Record states with compare-and-set writes: the version in the WHERE clause is the whole lock. */
export class RecordStates {
  private readonly find;
  private readonly create;
  private readonly update;

  constructor(
    db: Connection,
    private readonly writes: GroupCommit,
  ) {
    this.find = db.prepare<[string, string, string], RecordRow>('SELECT status, updated_at, version FROM record_states WHERE provider = ? AND record_type = ? AND record_id = ?');
    this.create = db.prepare<[string, string, string, string, number]>(
      `INSERT INTO record_states (provider, record_type, record_id, status, updated_at, version) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (provider, record_type, record_id) DO NOTHING`,
    );
    this.update = db.prepare<[string, number, string, string, string, number]>(
      'UPDATE record_states SET status = ?, updated_at = ?, version = version + 1 WHERE provider = ? AND record_type = ? AND record_id = ? AND version = ?',
    );
  }

  /** The record's last applied state, or undefined if none was ever written. */
  get(key: RecordKey): Promise<RecordState | undefined> {
    return promised(() => {
      const row = this.find.get(key.provider, key.recordType, key.recordId);
      return row && { provider: key.provider, recordType: key.recordType, recordId: key.recordId, status: row.status, updatedAt: row.updated_at, version: row.version };
    });
  }

  /** Writes `next` if the stored version is still `expectedVersion` (undefined: absent); false when another writer won. */
  put(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    return this.writes.run(() => {
      const result =
        expectedVersion === undefined
          ? this.create.run(next.provider, next.recordType, next.recordId, next.status, next.updatedAt)
          : this.update.run(next.status, next.updatedAt, next.provider, next.recordType, next.recordId, expectedVersion);
      return result.changes === 1;
    });
  }
}
