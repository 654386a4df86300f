import { z } from 'zod';
import { KeyedLock } from './keyed-lock.js';
import {
  canReach,
  guardTransition,
  isIntegrationError,
  POLLED_EVENT_TYPE,
  type Clock,
  type EventInterpreter,
  type RecordChange,
  type EventHandler,
  type EventOutcome,
  type IntegrityStore,
  type RecordKey,
  type RecordState,
  type StoredEvent,
  type AuditEntry,
} from '@interlock/core';

export interface EventApplierOptions {
  integrity: IntegrityStore;
  interpreters: ReadonlyMap<string, EventInterpreter>;
  clock: Clock;
  /** Who applies: recorded in the audit trail, e.g. `worker:hub-1`. */
  actor: string;
  onOutcome?(event: StoredEvent, outcome: EventOutcome): void;
  /** How long an event that arrived ahead of a missing step waits before it is tried again. Default 1 s. */
  aheadRetryMs?: number;
  /** Called after a change is written (pollers start tracking records that are not settled yet). */
  onApplied?(event: StoredEvent, change: RecordChange): void;
  /** Called once for each change this applier wrote, with the state it replaced; never for one it refused or found already applied. */
  onWritten?(event: StoredEvent, change: RecordChange, previous: RecordState | undefined): void;
}

const polledChangeSchema = z.object({
  recordType: z.string().min(1),
  recordId: z.string().min(1),
  status: z.string().min(1),
  occurredAt: z.number().finite(),
  snapshot: z.string().optional(),
});

/** A polled state is already the record change the poller read; its payload is checked, not trusted blindly. */
function polledChange(event: StoredEvent): RecordChange {
  const { snapshot, ...change } = polledChangeSchema.parse(JSON.parse(event.payload));
  return snapshot === undefined ? change : { ...change, snapshot };
}

/**
 * The worker's handler: stale guard, ordering guard (the domain state machine refuses backward
 * transitions), then one all-or-nothing write of the record, its effects and its audit entry,
 * keyed by the event. Anomalies are discarded with their reason and the event is kept for audit.
 * A worker that dies after the write but before the queue settles the event hands the
 * redelivery a finished event: it settles as applied, and nothing is written twice.
 */
export function createEventApplier(options: EventApplierOptions): EventHandler {
  const { integrity, interpreters, clock, actor } = options;
  const recordLocks = new KeyedLock();
  const auditEntry = (event: StoredEvent, change: RecordChange | undefined, outcome: string, detail?: string): AuditEntry => ({
      at: clock.now(),
      actor,
      action: `apply ${event.type}`,
      provider: event.provider,
      recordType: change?.recordType,
      recordId: change?.recordId,
      eventId: event.eventId,
      attempts: event.attempts,
      outcome,
      correlationId: event.correlationId,
      detail,
    });
  const audit = (event: StoredEvent, change: RecordChange | undefined, outcome: string, detail?: string): Promise<void> =>
    integrity.appendAudit(auditEntry(event, change, outcome, detail));
  // A worker that died after writing an event's changes but before the queue settled it leaves
  // the event to be handed out again: it is done, not a duplicate of itself.
  const alreadyApplied = (event: StoredEvent): Promise<boolean> => integrity.wasApplied({ provider: event.provider, eventId: event.eventId });

  const decide = async (event: StoredEvent): Promise<EventOutcome> => {
    const interpreter = interpreters.get(event.provider);
    if (!interpreter) return { status: 'dead', reason: `no interpreter for provider ${event.provider}` };
    let change: RecordChange | undefined;
    try {
      change = event.type === POLLED_EVENT_TYPE ? polledChange(event) : interpreter.read ? await interpreter.read(event) : interpreter.interpret?.(event);
    } catch (error) {
      if (isIntegrationError(error) && error.retryable) return { status: 'retry', reason: `${error.kind}: ${error.reason}` };
      const reason = isIntegrationError(error) ? `${error.kind}: ${error.reason}` : 'uninterpretable payload';
      await audit(event, undefined, 'dead', reason);
      return { status: 'dead', reason };
    }
    if (!change) {
      await audit(event, undefined, 'discarded', 'not about a tracked record');
      return { status: 'discarded', reason: 'not_a_record_change' };
    }
    const key = { provider: event.provider, recordType: change.recordType, recordId: change.recordId };
    return recordLocks.run(`${key.provider}\u0000${key.recordType}\u0000${key.recordId}`, () => applyChange(event, interpreter, change, key));
  };

  const applyChange = async (event: StoredEvent, interpreter: EventInterpreter, change: RecordChange, key: RecordKey): Promise<EventOutcome> => {
    const current = await integrity.getRecord(key);
    const decision = guardTransition(interpreter.machine, current, { status: change.status, occurredAt: change.occurredAt });
    if (!decision.apply && (await alreadyApplied(event))) {
      options.onApplied?.(event, change);
      return { status: 'applied' };
    }
    if (!decision.apply && decision.reason === 'backward_transition' && current && canReach(interpreter.machine, current.status, change.status)) {
      // Ahead, not behind: a step in between has not arrived yet. Wait for it; if it never
      // comes, the attempts run out and a person (or the poller) decides.
      return { status: 'retry', reason: `ahead_of_state: ${current.status} -> ${change.status}`, retryInMs: options.aheadRetryMs ?? 1_000 };
    }
    if (!decision.apply) {
      await audit(event, change, 'discarded', `${decision.reason}: ${current?.status ?? '-'} -> ${change.status}`);
      return { status: 'discarded', reason: decision.reason };
    }
    const record = { ...key, status: change.status, updatedAt: change.occurredAt, ...(change.snapshot === undefined ? {} : { snapshot: change.snapshot }) };
    // The record, its effects, its audit entry and the applied mark: all of them or none.
    const result = await integrity.applyEvent({
      provider: event.provider,
      eventId: event.eventId,
      queueId: event.id,
      record,
      expectedVersion: current?.version,
      effects: interpreter.effects?.(current, change, event) ?? [],
      audit: auditEntry(event, change, 'applied', `${current?.status ?? '-'} -> ${change.status}`),
    });
    // Another worker changed the record between our read and write: decide again with its state.
    if (result === 'conflict') return { status: 'retry', reason: 'concurrent_update', retryInMs: 0 };
    options.onApplied?.(event, change);
    options.onWritten?.(event, change, current);
    return { status: 'applied' };
  };

  return async (event) => {
    const outcome = await decide(event);
    options.onOutcome?.(event, outcome);
    return outcome;
  };
}
