import type { RecordState, StoredEvent } from '@interlock/core';
import { movementsBetween, paymentSchema, paymentStatusMachine, type Payment, type PaymentsConnector } from '@interlock/payments';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE } from '../reconciliation/payments-job.js';
import type { EventInterpreter, RecordChange } from '../workers/event-applier.js';
import { POLLED_EVENT_TYPE } from './payments-poller.js';

function change(payment: Payment, occurredAt: number): RecordChange {
  return { recordType: PAYMENT_RECORD_TYPE, recordId: payment.id, status: payment.status, occurredAt, snapshot: JSON.stringify(payment) };
}

/**
 * How the workers apply a payments provider's stored webhooks: the connector turns the verified
 * body into canonical events, and the payment one becomes the record's new state, ordered by the
 * payment state machine, with the canonical payment kept as the record's snapshot. Events about
 * nothing we track (a customer update) are discarded with their reason, not failed. A state the
 * poller read is already canonical, dated by the read.
 *
 * Each applied change also records the money it moved (more captured, more refunded than the
 * snapshot it replaced) as movement records, which reconciliation compares with the provider's
 * settlement lines for the same window.
 */
export function paymentsInterpreter(connector: Pick<PaymentsConnector, 'eventsFromVerifiedBody'>): EventInterpreter {
  return {
    machine: paymentStatusMachine,
    interpret(event: StoredEvent): RecordChange | undefined {
      if (event.type === POLLED_EVENT_TYPE) return change(paymentSchema.parse(JSON.parse(event.payload)), event.occurredAt ?? event.receivedAt);
      const found = connector.eventsFromVerifiedBody(event.payload, event.eventId).find((candidate) => candidate.payment !== undefined);
      return found?.payment === undefined ? undefined : change(found.payment, found.occurredAt);
    },
    effects(current: RecordState | undefined, applied: RecordChange, event: StoredEvent): Omit<RecordState, 'version'>[] {
      if (applied.snapshot === undefined) return [];
      const previous = current?.snapshot === undefined ? undefined : paymentSchema.parse(JSON.parse(current.snapshot));
      return movementsBetween(previous, paymentSchema.parse(JSON.parse(applied.snapshot)), applied.occurredAt).map((movement) => ({
        provider: event.provider,
        recordType: PAYMENT_MOVEMENT_RECORD_TYPE,
        recordId: `${movement.paymentId}:${movement.kind}:${event.eventId}`,
        status: movement.kind,
        updatedAt: movement.at,
        snapshot: JSON.stringify(movement),
      }));
    },
  };
}
