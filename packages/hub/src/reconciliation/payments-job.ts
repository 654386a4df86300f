import type { Clock, Emit, IntegrityStore } from '@interlock/core';
import { paymentSchema, reconcilePayments, type Payment, type PaymentsConnector } from '@interlock/payments';
import type { ReconciliationJob } from './reconciliation-job.js';

/** The record type payment interpreters store canonical payments under. */
export const PAYMENT_RECORD_TYPE = 'payment';

export interface PaymentsReconciliationJobOptions {
  connector: PaymentsConnector;
  /** The name the hub stores this provider's records under (its config name); default the connector's. */
  provider?: string;
  integrity: IntegrityStore;
  clock: Clock;
  emit?: Emit;
}

/**
 * Reconciles the payments the hub stored (the canonical snapshot kept with each record's last
 * applied state) against the connector's settlement lines. A payment counts for the window its
 * last update fell in, which is when its capture (or refund) reached us.
 */
export function paymentsReconciliationJob(options: PaymentsReconciliationJobOptions): ReconciliationJob {
  const { connector, integrity, clock } = options;
  const provider = options.provider ?? connector.provider;
  async function* ours(from: number, to: number): AsyncIterable<Payment> {
    const records = await integrity.listRecords({ provider, recordType: PAYMENT_RECORD_TYPE, updatedFrom: from, updatedTo: to });
    for (const record of records) {
      // A record applied without a snapshot (an older hub) cannot be compared by amount; the
      // provider's line then shows up as extra, which is the honest answer.
      if (record.snapshot !== undefined) yield paymentSchema.parse(JSON.parse(record.snapshot));
    }
  }
  return {
    provider,
    run: (period) =>
      reconcilePayments({
        provider,
        period,
        payments: ours(period.from, period.to),
        settlements: connector.listSettlements(period),
        clock,
        ...(options.emit ? { emit: options.emit } : {}),
      }),
  };
}
