export {
  EVENT_LIST_LIMIT,
  eventMatches,
  newestFirst,
  type Consumer,
  type ConsumeOptions,
  type DeadEventFilter,
  type EventCursor,
  type EventFilter,
  type EventHandler,
  type EventOutcome,
  type EventQueue,
  type EventStatus,
  type InboundEvent,
  type StoredEvent,
  type TraceContext,
} from './event-queue.js';
export {
  RECORD_LIST_LIMIT,
  type AppliedEventKey,
  type ApplyResult,
  type EventApplication,
  type AuditEntry, type AuditFilter, type IntegrityStore, type RecordFilter, type RecordKey, type RecordState } from './integrity-store.js';
export { composeIntegrityStore, type AuditTable, type EventApplications, type RecordStateTable } from './compose-integrity-store.js';
export { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, recordStateFromRow, storedEventFromRow, type AuditRow, type EventRow, type RecordRow } from './sql-rows.js';
export { resolveConsumeOptions, type ConsumeSettings } from './consume-settings.js';
export { eventRetryBackoff, type EventRetryBackoff } from './event-retry-backoff.js';
export { handlerOutcome, nextEventState, type EventSettlement } from './event-settlement.js';
export { StartWindow, startRateOf, type StartRate } from './start-window.js';
export { TurnBatch, type BatchSender } from './turn-batch.js';
