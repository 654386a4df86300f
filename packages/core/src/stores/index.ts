export type {
  Consumer,
  ConsumeOptions,
  DeadEventFilter,
  EventHandler,
  EventOutcome,
  EventQueue,
  EventStatus,
  InboundEvent,
  StoredEvent,
} from './event-queue.js';
export { RECORD_LIST_LIMIT, type AuditEntry, type AuditFilter, type IntegrityStore, type RecordFilter, type RecordKey, type RecordState } from './integrity-store.js';
export { composeIntegrityStore, type AuditTable, type RecordStateTable } from './compose-integrity-store.js';
export { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, recordStateFromRow, storedEventFromRow, type AuditRow, type EventRow, type RecordRow } from './sql-rows.js';
