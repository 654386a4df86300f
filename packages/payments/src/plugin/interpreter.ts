import type { EventInterpreter, RecordChange, RecordState, StoredEvent } from '@interlock/core';
import type { PaymentsConnector } from '../connector.js';
import type { Payment } from '../models/payment.js';
import { paymentSchema } from '../models/payment.js';
import { paymentStatusMachine } from '../payment-status.js';
import { movementsBetween } from '../reconciliation/movements.js';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE } from './records.js';

/** A canonical payment as a record change, with the payment kept as the record's snapshot. */
export function paymentChange(payment: Payment, occurredAt: number): RecordChange {
  return { recordType: PAYMENT_RECORD_TYPE, recordId: payment.id, status: payment.status, occurredAt, snapshot: JSON.stringify(payment) };
}

/**
 * How a payments provider's stored webhooks are applied: the connector turns the verified body
 * into canonical events, and the payment one becomes the record's new state, ordered by the
 * payment state machine. Events about nothing we track (a customer update) are discarded with
 * their reason, not failed.
 *
 * A refund event that does not carry the payment's new state is read through to the payment
 * (`read`), so a refund always reaches the record whichever way the provider tells it.
 *
 * Each applied change also records the money it moved (more captured, more refunded than the
 * snapshot it replaced) as movement records, which reconciliation compares with the provider's
 * settlement lines for the same window.
 */
export function paymentsInterpreter(connector: Pick<PaymentsConnector, 'eventsFromVerifiedBody' | 'getPayment'>): EventInterpreter {
  const interpret = (event: StoredEvent): RecordChange | undefined => {
    const found = connector.eventsFromVerifiedBody(event.payload, event.eventId).find((candidate) => candidate.payment !== undefined);
    return found?.payment === undefined ? undefined : paymentChange(found.payment, found.occurredAt);
  };
  return {
    machine: paymentStatusMachine,
    interpret,
    async read(event: StoredEvent): Promise<RecordChange | undefined> {
      const change = interpret(event);
      if (change !== undefined) return change;
      // A refund event that carries only the refund (Stripe's `refund.*`: a PaymentIntent event
      // never follows a refund) would leave the payment's record, and the money it tracks, as it
      // was: the payment is read as it stands, stamped with the refund event's time.
      const refunded = connector.eventsFromVerifiedBody(event.payload, event.eventId).find((candidate) => candidate.refund !== undefined);
      if (refunded?.refund === undefined) return undefined;
      return paymentChange(await connector.getPayment(refunded.refund.paymentId), refunded.occurredAt);
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
