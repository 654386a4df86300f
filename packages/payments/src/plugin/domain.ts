import type { DomainPlugin } from '@interlock/core';
import type { PaymentsConnector } from '../connector.js';
import { paymentMetrics } from '../metrics/payment-metrics.js';
import { paymentStatusMachine } from '../payment-status.js';
import { paymentsInterpreter } from './interpreter.js';
import { paymentPolling } from './polling.js';
import { paymentsReconciliationJob } from './reconciliation-job.js';
import { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE } from './records.js';

/** The payments domain as the hub runs it, for every payments connector's descriptor. */
export const paymentsDomain: DomainPlugin<PaymentsConnector> = Object.freeze({
  name: 'payments',
  recordTypes: [PAYMENT_RECORD_TYPE, PAYMENT_MOVEMENT_RECORD_TYPE],
  machine: paymentStatusMachine,
  interpreter: paymentsInterpreter,
  polling: paymentPolling,
  reconciliation: paymentsReconciliationJob,
  metrics: paymentMetrics,
});
