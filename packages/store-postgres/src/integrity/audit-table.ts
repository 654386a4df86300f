import { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, type AuditEntry, type AuditFilter, type AuditRow } from '@interlock/core';
import type { Pool, PoolClient } from 'pg';

/** Default page of {@link AuditTable.list}: enough for a console, small enough to render. */
const AUDIT_LIST_LIMIT = 100;

/**
 * The append-only audit trail in `<schema>.audit_log`, read oldest first by `at`. Workers on
 * different machines may append out of time order; `seq` breaks ties in the order written.
 */
export class AuditTable {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${schema}.audit_log`;
  }

  /** `db` is a client inside the caller's transaction, or the pool. */
  async append(entry: AuditEntry, db: Pool | PoolClient = this.pool): Promise<void> {
    const placeholders = AUDIT_COLUMNS.map((_column, i) => `$${i + 1}`).join(', ');
    await db.query(`INSERT INTO ${this.table} (${AUDIT_COLUMNS.join(', ')}) VALUES (${placeholders})`, auditRowValues(entry));
  }

  /** The matching entries, oldest first; with a limit, the most recent ones. */
  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const result = await this.pool.query<AuditRow>(
      `SELECT * FROM (
         SELECT seq, at, actor, action, provider, record_type, record_id, event_id, payload_version, attempts, outcome, correlation_id, detail
         FROM ${this.table}
         WHERE ($1::text IS NULL OR provider = $1)
           AND ($2::text IS NULL OR record_id = $2)
           AND ($3::text IS NULL OR event_id = $3)
         ORDER BY at DESC, seq DESC
         LIMIT $4
       ) AS recent
       ORDER BY at, seq`,
      [filter.provider ?? null, filter.recordId ?? null, filter.eventId ?? null, filter.limit ?? AUDIT_LIST_LIMIT],
    );
    return result.rows.map(auditEntryFromRow);
  }
}
