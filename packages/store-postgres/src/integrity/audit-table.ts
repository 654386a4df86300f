import type { AuditEntry, AuditFilter } from '@interlock/core';
import type { Pool } from 'pg';
import { millis, optionalText } from '../sql-values.js';

interface AuditRow {
  at: string | number;
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

/** Default page of {@link AuditTable.list}: enough for a console, small enough to render. */
const AUDIT_LIST_LIMIT = 100;

const OPTIONAL_TEXT = [
  ['recordType', 'record_type'],
  ['recordId', 'record_id'],
  ['eventId', 'event_id'],
  ['payloadVersion', 'payload_version'],
  ['correlationId', 'correlation_id'],
  ['detail', 'detail'],
] as const;

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

  async append(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table}
         (at, actor, action, provider, record_type, record_id, event_id, payload_version, attempts, outcome, correlation_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
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
      ],
    );
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
    return result.rows.map(toAuditEntry);
  }
}

function toAuditEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { at: millis(row.at), actor: row.actor, action: row.action, provider: row.provider, outcome: row.outcome };
  for (const [property, column] of OPTIONAL_TEXT) {
    const value = optionalText(row[column]);
    if (value !== undefined) entry[property] = value;
  }
  if (row.attempts !== null) entry.attempts = row.attempts;
  return entry;
}
