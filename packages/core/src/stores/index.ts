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
export type { AuditEntry, AuditFilter, IntegrityStore, RecordKey, RecordState } from './integrity-store.js';
export { composeIntegrityStore, type AuditTable, type RecordStateTable } from './compose-integrity-store.js';
export { AUDIT_COLUMNS, auditEntryFromRow, auditRowValues, storedEventFromRow, type AuditRow, type EventRow } from './sql-rows.js';
