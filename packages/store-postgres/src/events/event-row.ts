import type { EventStatus, StoredEvent } from '@interlock/core';
import { millis, optionalMillis, optionalText } from '../sql-values.js';

/** The columns a {@link StoredEvent} is read from, in one place so every query returns the same shape. */
export const EVENT_COLUMNS = 'id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, status, attempts, reason, updated_at';

/** {@link EVENT_COLUMNS} qualified by a table alias, for statements that join. */
export function eventColumnsOf(alias: string): string {
  return EVENT_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

/** One row of `events` as node-postgres hands it over (bigints arrive as strings). */
export interface EventRow {
  id: string;
  provider: string;
  event_id: string;
  type: string;
  received_at: string | number;
  occurred_at: string | number | null;
  payload: string;
  correlation_id: string | null;
  status: EventStatus;
  attempts: number;
  reason: string | null;
  updated_at: string | number;
}

/** A row as the contract's {@link StoredEvent}; absent optional fields are left out rather than set to undefined. */
export function toStoredEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.id,
    provider: row.provider,
    eventId: row.event_id,
    type: row.type,
    receivedAt: millis(row.received_at),
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    updatedAt: millis(row.updated_at),
  };
  const occurredAt = optionalMillis(row.occurred_at);
  if (occurredAt !== undefined) event.occurredAt = occurredAt;
  const correlationId = optionalText(row.correlation_id);
  if (correlationId !== undefined) event.correlationId = correlationId;
  const reason = optionalText(row.reason);
  if (reason !== undefined) event.reason = reason;
  return event;
}
