import type { StoredEvent } from '@interlock/core';
import { paymentStatusMachine, type PaymentsConnector } from '@interlock/payments';
import { PAYMENT_RECORD_TYPE } from '../reconciliation/payments-job.js';
import type { EventInterpreter, RecordChange } from '../workers/event-applier.js';

/**
 * How the workers apply a payments provider's stored webhooks: the connector turns the verified
 * body into canonical events, and the payment one becomes the record's new state, ordered by the
 * payment state machine, with the canonical payment kept as the record's snapshot. Events about
 * nothing we track (a customer update) are discarded with their reason, not failed.
 */
export function paymentsInterpreter(connector: Pick<PaymentsConnector, 'eventsFromVerifiedBody'>): EventInterpreter {
  return {
    machine: paymentStatusMachine,
    interpret(event: StoredEvent): RecordChange | undefined {
      const payment = connector.eventsFromVerifiedBody(event.payload, event.eventId).find((candidate) => candidate.payment !== undefined);
      if (payment?.payment === undefined) return undefined;
      return {
        recordType: PAYMENT_RECORD_TYPE,
        recordId: payment.payment.id,
        status: payment.payment.status,
        occurredAt: payment.occurredAt,
        snapshot: JSON.stringify(payment.payment),
      };
    },
  };
}
