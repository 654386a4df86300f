import type { PollTarget } from '@interlock/core';
import type { PaymentsConnector } from './connector.js';
import type { Payment } from './models/payment.js';
import { isSettledPaymentStatus, type PaymentStatus } from './payment-status.js';

/**
 * How core's `Poller` reads payments through a connector. The poller only sees status and time;
 * `onRead` gets the whole canonical payment of every read, for whoever applies what the poller
 * reports as new.
 */
export function paymentPollTarget(connector: Pick<PaymentsConnector, 'getPayment'>, onRead: (payment: Payment) => void): PollTarget<PaymentStatus> {
  return {
    async read(id) {
      const payment = await connector.getPayment(id);
      onRead(payment);
      return { status: payment.status, updatedAt: payment.updatedAt };
    },
    isSettled: isSettledPaymentStatus,
  };
}
