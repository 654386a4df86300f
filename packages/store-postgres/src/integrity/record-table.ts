import { RECORD_LIST_LIMIT, recordStateFromRow, type RecordFilter, type RecordKey, type RecordRow, type RecordState } from '@interlock/core';
import type { Pool, PoolClient } from 'pg';

const COLUMNS = 'provider, record_type, record_id, status, updated_at, version, snapshot';

/** Record states in `<schema>.records`, written only by compare-and-set on `version`. */
export class RecordTable {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${schema}.records`;
  }

  async get(key: RecordKey): Promise<RecordState | undefined> {
    const result = await this.pool.query<RecordRow>(`SELECT ${COLUMNS} FROM ${this.table} WHERE provider = $1 AND record_type = $2 AND record_id = $3`, [
      key.provider,
      key.recordType,
      key.recordId,
    ]);
    const row = result.rows[0];
    return row && recordStateFromRow(row);
  }

  /**
   * The first write creates version 1; each later one must name the version it read and bumps
   * it. Either way one statement decides, so two hub instances racing cannot both win.
   */
  async put(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined, db: Pool | PoolClient = this.pool): Promise<boolean> {
    const values = [next.provider, next.recordType, next.recordId, next.status, next.updatedAt, next.snapshot ?? null];
    const result =
      expectedVersion === undefined
        ? await db.query(
            `INSERT INTO ${this.table} (provider, record_type, record_id, status, updated_at, snapshot, version)
             VALUES ($1, $2, $3, $4, $5, $6, 1)
             ON CONFLICT (provider, record_type, record_id) DO NOTHING`,
            values,
          )
        : await db.query(
            `UPDATE ${this.table} SET status = $4, updated_at = $5, snapshot = $6, version = version + 1
             WHERE provider = $1 AND record_type = $2 AND record_id = $3 AND version = $7`,
            [...values, expectedVersion],
          );
    return result.rowCount === 1;
  }

  /**
   * One provider's records of one type updated in [updatedFrom, updatedTo), by updatedAt then
   * recordId. Ids compare byte-wise (COLLATE "C") as in SQLite, whatever the database's locale.
   */
  async list(filter: RecordFilter): Promise<RecordState[]> {
    const result = await this.pool.query<RecordRow>(
      `SELECT ${COLUMNS} FROM ${this.table}
       WHERE provider = $1 AND record_type = $2
         AND ($3::bigint IS NULL OR updated_at >= $3)
         AND ($4::bigint IS NULL OR updated_at < $4)
       ORDER BY updated_at, record_id COLLATE "C"
       LIMIT $5`,
      [filter.provider, filter.recordType, filter.updatedFrom ?? null, filter.updatedTo ?? null, filter.limit ?? RECORD_LIST_LIMIT],
    );
    return result.rows.map(recordStateFromRow);
  }
}
