/** The columns a StoredEvent is read from, in one place so every query returns the same shape. */
export const EVENT_COLUMNS = 'id, provider, event_id, type, received_at, occurred_at, payload, correlation_id, traceparent, tracestate, status, attempts, reason, updated_at';

/** {@link EVENT_COLUMNS} qualified by a table alias, for statements that join. */
export function eventColumnsOf(alias: string): string {
  return EVENT_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}
