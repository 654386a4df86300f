import type { RecordKey, RecordState } from '@interlock/core';
import type { Pool } from 'pg';
import { millis } from '../sql-values.js';

interface RecordRow {
  provider: string;
  record_type: string;
  record_id: string;
  status: string;
  updated_at: string | number;
  version: number;
}

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
    const result = await this.pool.query<RecordRow>(
      `SELECT provider, record_type, record_id, status, updated_at, version FROM ${this.table}
       WHERE provider = $1 AND record_type = $2 AND record_id = $3`,
      [key.provider, key.recordType, key.recordId],
    );
    const row = result.rows[0];
    if (!row) return undefined;
    return {
      provider: row.provider,
      recordType: row.record_type,
      recordId: row.record_id,
      status: row.status,
      updatedAt: millis(row.updated_at),
      version: row.version,
    };
  }

  /**
   * The first write creates version 1; each later one must name the version it read and bumps
   * it. Either way one statement decides, so two hub instances racing cannot both win.
   */
  async put(next: Omit<RecordState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    const values = [next.provider, next.recordType, next.recordId, next.status, next.updatedAt];
    const result =
      expectedVersion === undefined
        ? await this.pool.query(
            `INSERT INTO ${this.table} (provider, record_type, record_id, status, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, 1)
             ON CONFLICT (provider, record_type, record_id) DO NOTHING`,
            values,
          )
        : await this.pool.query(
            `UPDATE ${this.table} SET status = $4, updated_at = $5, version = version + 1
             WHERE provider = $1 AND record_type = $2 AND record_id = $3 AND version = $6`,
            [...values, expectedVersion],
          );
    return result.rowCount === 1;
  }
}
