import type { RecordPolling } from '@interlock/core';
import type { PaymentsConnector } from '../connector.js';
import { isSettledPaymentStatus, type PaymentStatus } from '../payment-status.js';
import { PAYMENT_RECORD_TYPE } from './records.js';

/** Payments are read through the connector until they settle; each read keeps the canonical payment as the snapshot. */
export const paymentPolling: RecordPolling<PaymentsConnector> = {
  recordType: PAYMENT_RECORD_TYPE,
  isSettled: (status) => isSettledPaymentStatus(status as PaymentStatus),
  async read(connector, recordId, signal) {
    const payment = await connector.getPayment(recordId, { signal });
    return { status: payment.status, updatedAt: payment.updatedAt, snapshot: JSON.stringify(payment) };
  },
};
