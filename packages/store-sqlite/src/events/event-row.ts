import type { EventRow as StoredEventRow, InboundEvent } from '@interlock/core';

/** One row of the `events` table as better-sqlite3 returns it: the shared columns plus the queue's own. */
export interface EventRow extends StoredEventRow {
  seq: number;
  received_at: number;
  occurred_at: number | null;
  updated_at: number;
  visible_at: number;
  lease_owner: string | null;
}

/** The columns `accept` inserts, in the order of the INSERT's placeholders. */
export function insertParams(event: InboundEvent, now: number): unknown[] {
  return [event.id, event.provider, event.eventId, event.type, event.receivedAt, event.occurredAt ?? null, event.payload, event.correlationId ?? null, event.traceContext?.traceparent ?? null, event.traceContext?.tracestate ?? null, now, now];
}
