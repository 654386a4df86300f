import type { RecordState } from '../stores/integrity-store.js';
import type { StoredEvent } from '../stores/event-queue.js';
import type { StateMachine } from '../state/state-machine.js';

/** What an event says about one provider record. */
export interface RecordChange {
  recordType: string;
  recordId: string;
  status: string;
  occurredAt: number;
  /** The canonical record as of this change (JSON), kept with the state for reconciliation and the console. */
  snapshot?: string;
}

/**
 * How one provider's stored events map to record changes, supplied by its domain. A signed
 * provider's payload is trusted as is; an unsigned provider's event is only a trigger, so `read`
 * fetches the record from the provider and the payload itself changes nothing.
 */
export interface EventInterpreter {
  machine: StateMachine<string>;
  interpret?(event: StoredEvent): RecordChange | undefined;
  read?(event: StoredEvent): Promise<RecordChange | undefined>;
  /**
   * Records that follow from an applied change, given the state it replaced (the money a payment
   * change moved). Written once each after the change: their ids must be derived from the event,
   * so a redelivered event finds them already there.
   */
  effects?(current: RecordState | undefined, change: RecordChange, event: StoredEvent): Omit<RecordState, 'version'>[];
}

/**
 * The event type a polled state travels under. Its payload is the `RecordChange` the poll read,
 * so the workers apply it through the same guards as a webhook without asking the domain again.
 */
export const POLLED_EVENT_TYPE = 'interlock.polled';
