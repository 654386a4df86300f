import type { EventStatus, InboundEvent, StoredEvent } from '@interlock/core';

/** One row of the `events` table as better-sqlite3 returns it. */
export interface EventRow {
  seq: number;
  id: string;
  provider: string;
  event_id: string;
  type: string;
  received_at: number;
  occurred_at: number | null;
  payload: string;
  correlation_id: string | null;
  status: EventStatus;
  attempts: number;
  reason: string | null;
  visible_at: number;
  lease_owner: string | null;
  updated_at: number;
}

/** The columns `accept` inserts, in the order of the INSERT's placeholders. */
export function insertParams(event: InboundEvent, now: number): unknown[] {
  return [event.id, event.provider, event.eventId, event.type, event.receivedAt, event.occurredAt ?? null, event.payload, event.correlationId ?? null, now, now];
}

/** A row as the contract's StoredEvent; absent values stay absent rather than null. */
export function toStoredEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.id,
    provider: row.provider,
    eventId: row.event_id,
    type: row.type,
    receivedAt: row.received_at,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    updatedAt: row.updated_at,
  };
  if (row.occurred_at !== null) event.occurredAt = row.occurred_at;
  if (row.correlation_id !== null) event.correlationId = row.correlation_id;
  if (row.reason !== null) event.reason = row.reason;
  return event;
}
