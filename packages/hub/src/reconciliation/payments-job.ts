import type { Clock, Emit, IntegrityStore } from '@interlock/core';
import { reconcilePayments, type PaymentMovement, type PaymentsConnector } from '@interlock/payments';
import type { ReconciliationJob } from './reconciliation-job.js';

/** The record type payment interpreters store canonical payments under. */
export const PAYMENT_RECORD_TYPE = 'payment';
/** The record type of the money each applied payment change moved (see `paymentsInterpreter`). */
export const PAYMENT_MOVEMENT_RECORD_TYPE = 'payment_movement';

export interface PaymentsReconciliationJobOptions {
  connector: PaymentsConnector;
  /** The name the hub stores this provider's records under (its config name); default the connector's. */
  provider?: string;
  /**
   * How long after money moves the provider reports it in a settlement (Stripe's balance
   * transactions: at once; Razorpay's settlements: about two days). Our movements are compared
   * from the window this much earlier. Default 0.
   */
  settlementLagMs?: number;
  integrity: IntegrityStore;
  clock: Clock;
  emit?: Emit;
}

/**
 * Reconciles the money movements the hub recorded as its workers applied payment events with the
 * connector's settlement lines for the same window (shifted by the settlement lag), payment by
 * payment. A movement counts for the window its event's time fell in, so a refund days after the
 * capture is compared with the refund line of its own day, not with the old capture.
 */
export function paymentsReconciliationJob(options: PaymentsReconciliationJobOptions): ReconciliationJob {
  const { connector, integrity, clock } = options;
  const provider = options.provider ?? connector.provider;
  const lag = options.settlementLagMs ?? 0;
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
        ...(options.emit ? { emit: options.emit } : {}),
      }),
  };
}
