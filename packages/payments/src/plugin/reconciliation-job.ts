import type { ReconciliationJob, ReconciliationJobContext } from '@interlock/core';
import type { PaymentsConnector } from '../connector.js';
import { reconcilePayments } from '../reconciliation/reconcile-payments.js';
import type { PaymentMovement } from '../reconciliation/movements.js';
import { PAYMENT_MOVEMENT_RECORD_TYPE } from './records.js';

/**
 * Reconciles the money movements recorded as payment events were applied with the connector's
 * settlement lines for the same window, shifted by the provider's reporting lag (Stripe's balance
 * transactions: at once; Razorpay's settlements: about two days), payment by payment. A movement
 * counts for the window its event's time fell in, so a refund days after the capture is compared
 * with the refund line of its own day, not with the old capture.
 */
export function paymentsReconciliationJob(context: ReconciliationJobContext<PaymentsConnector>): ReconciliationJob {
  const { provider, connector, integrity, clock, reportingLagMs: lag } = context;
  async function* movements(from: number, to: number): AsyncIterable<PaymentMovement> {
    const records = await integrity.listRecords({ provider, recordType: PAYMENT_MOVEMENT_RECORD_TYPE, updatedFrom: from - lag, updatedTo: to - lag });
    for (const record of records) if (record.snapshot !== undefined) yield JSON.parse(record.snapshot) as PaymentMovement;
  }
  return {
    provider,
    run: (period) =>
      reconcilePayments({
        provider,
        period,
        movements: movements(period.from, period.to),
        settlements: connector.listSettlements(period),
        clock,
        ...(context.emit ? { emit: context.emit } : {}),
      }),
  };
}
