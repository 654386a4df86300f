import { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, type AuditEntry, type AuditFilter, type AuditRow } from '@interlock/core';
import type Database from 'better-sqlite3';
import type { Connection } from '../database/connection.js';
import type { GroupCommit } from '../database/group-commit.js';
import { promised } from '../database/promised.js';

// The filters: property -> column. Each combination gets its own statement, so SQLite can use
// the index for the filter instead of a `(? IS NULL OR column = ?)` that defeats it.
const FILTERS = [
  ['provider', 'provider'],
  ['recordId', 'record_id'],
  ['eventId', 'event_id'],
] as const;

/** The append-only audit trail. */
export class AuditTrail {
  private readonly insert;
  private readonly queries = new Map<string, Database.Statement<unknown[], AuditRow>>();

  constructor(
    private readonly db: Connection,
    private readonly writes: GroupCommit,
  ) {
    this.insert = db.prepare<unknown[]>(`INSERT INTO audit_trail (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`);
  }

  /** Appends one entry; resolves once it is committed. */
  async append(entry: AuditEntry): Promise<void> {
    const params = auditRowValues(entry);
    await this.writes.run(() => this.insert.run(params));
  }

  /** Appends inside a write transaction the caller already holds. */
  write(entry: AuditEntry): void {
    this.insert.run(auditRowValues(entry));
  }

  /** Matching entries oldest first (ties in append order); `limit` keeps the most recent ones. */
  list(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    const active = FILTERS.filter(([property]) => filter[property] !== undefined);
    const params = active.map(([property]) => filter[property] as string);
    return promised(() => {
      return this.query(active.map(([, column]) => column)).all(...params, filter.limit ?? -1).map(auditEntryFromRow);
    });
  }

  private query(columns: readonly string[]): Database.Statement<unknown[], AuditRow> {
    const cacheKey = columns.join(',');
    let statement = this.queries.get(cacheKey);
    if (!statement) {
      const where = columns.length === 0 ? '' : `WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')}`;
      // Newest first to take the limit, then back to chronological order.
      statement = this.db.prepare<unknown[], AuditRow>(
        `SELECT * FROM (SELECT * FROM audit_trail ${where} ORDER BY at DESC, seq DESC LIMIT ?) ORDER BY at, seq`,
      );
      this.queries.set(cacheKey, statement);
    }
    return statement;
  }
}
