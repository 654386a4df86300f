import type { AuditEntry, AuditFilter } from '@interlock/core';
import type Database from 'better-sqlite3';
import type { Connection } from '../database/connection.js';
import type { GroupCommit } from '../database/group-commit.js';
import { promised } from '../database/promised.js';

interface AuditRow {
  at: number;
  actor: string;
  action: string;
  provider: string;
  record_type: string | null;
  record_id: string | null;
  event_id: string | null;
  payload_version: string | null;
  attempts: number | null;
  outcome: string;
  correlation_id: string | null;
  detail: string | null;
}

// The optional fields: column name -> entry property.
const OPTIONAL = [
  ['record_type', 'recordType'],
  ['record_id', 'recordId'],
  ['event_id', 'eventId'],
  ['payload_version', 'payloadVersion'],
  ['attempts', 'attempts'],
  ['correlation_id', 'correlationId'],
  ['detail', 'detail'],
] as const;

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
    this.insert = db.prepare<unknown[]>(
      `INSERT INTO audit_trail (at, actor, action, provider, record_type, record_id, event_id, payload_version, attempts, outcome, correlation_id, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Appends one entry; resolves once it is committed. */
  async append(entry: AuditEntry): Promise<void> {
    const params = [
      entry.at,
      entry.actor,
      entry.action,
      entry.provider,
      entry.recordType ?? null,
      entry.recordId ?? null,
      entry.eventId ?? null,
      entry.payloadVersion ?? null,
      entry.attempts ?? null,
      entry.outcome,
      entry.correlationId ?? null,
      entry.detail ?? null,
    ];
    await this.writes.run(() => this.insert.run(params));
  }

  /** Matching entries oldest first (ties in append order); `limit` keeps the most recent ones. */
  list(filter: AuditFilter = {}): Promise<readonly AuditEntry[]> {
    const active = FILTERS.filter(([property]) => filter[property] !== undefined);
    const params = active.map(([property]) => filter[property] as string);
    return promised(() => {
      return this.query(active.map(([, column]) => column)).all(...params, filter.limit ?? -1).map(toEntry);
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

function toEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { at: row.at, actor: row.actor, action: row.action, provider: row.provider, outcome: row.outcome };
  const optional = entry as unknown as Record<string, unknown>;
  for (const [column, property] of OPTIONAL) if (row[column] !== null) optional[property] = row[column];
  return entry;
}
