import type { EventStatus, StoredEvent } from './event-queue.js';
import type { AuditEntry, RecordState } from './integrity-store.js';

/*
 * The row shapes the SQL engines (SQLite, PostgreSQL) share for the two contracts, with one codec
 * each way. Instants are epoch milliseconds in BIGINT columns; node-postgres hands those over as
 * strings (they may exceed 2^53 in general), so every instant is read through Number.
 */

/** The `events` columns a StoredEvent is read from. */
export interface EventRow {
  id: string;
  provider: string;
  event_id: string;
  type: string;
  received_at: number | string;
  occurred_at: number | string | null;
  payload: string;
  correlation_id: string | null;
  traceparent: string | null;
  tracestate: string | null;
  status: EventStatus;
  attempts: number;
  reason: string | null;
  updated_at: number | string;
}

/** A row as the contract's StoredEvent; SQL NULL becomes an absent property, not `undefined`. */
export function storedEventFromRow(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.id,
    provider: row.provider,
    eventId: row.event_id,
    type: row.type,
    receivedAt: Number(row.received_at),
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    updatedAt: Number(row.updated_at),
  };
  if (row.occurred_at !== null) event.occurredAt = Number(row.occurred_at);
  if (row.correlation_id !== null) event.correlationId = row.correlation_id;
  if (row.traceparent !== null) event.traceContext = row.tracestate === null ? { traceparent: row.traceparent } : { traceparent: row.traceparent, tracestate: row.tracestate };
  if (row.reason !== null) event.reason = row.reason;
  return event;
}

/** The audit columns, in the order of {@link auditRowValues}. */
export const AUDIT_COLUMNS = [
  'at',
  'actor',
  'action',
  'provider',
  'record_type',
  'record_id',
  'event_id',
  'payload_version',
  'attempts',
  'outcome',
  'correlation_id',
  'detail',
] as const;

export interface AuditRow {
  at: number | string;
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

/** An entry's values for an INSERT listing {@link AUDIT_COLUMNS}; absent fields are SQL NULL. */
export function auditRowValues(entry: AuditEntry): (string | number | null)[] {
  return [
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
}

/** A row as an AuditEntry; SQL NULL becomes an absent property. */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  const entry: AuditEntry = { at: Number(row.at), actor: row.actor, action: row.action, provider: row.provider, outcome: row.outcome };
  if (row.record_type !== null) entry.recordType = row.record_type;
  if (row.record_id !== null) entry.recordId = row.record_id;
  if (row.event_id !== null) entry.eventId = row.event_id;
  if (row.payload_version !== null) entry.payloadVersion = row.payload_version;
  if (row.attempts !== null) entry.attempts = row.attempts;
  if (row.correlation_id !== null) entry.correlationId = row.correlation_id;
  if (row.detail !== null) entry.detail = row.detail;
  return entry;
}

/** The record-state columns a RecordState is read from. */
export interface RecordRow {
  provider: string;
  record_type: string;
  record_id: string;
  status: string;
  updated_at: number | string;
  version: number;
  snapshot: string | null;
}

/** A row as a RecordState; a NULL snapshot becomes an absent property. */
export function recordStateFromRow(row: RecordRow): RecordState {
  const state: RecordState = { provider: row.provider, recordType: row.record_type, recordId: row.record_id, status: row.status, updatedAt: Number(row.updated_at), version: row.version };
  if (row.snapshot !== null) state.snapshot = row.snapshot;
  return state;
}
