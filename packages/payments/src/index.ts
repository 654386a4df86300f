export { moneySchema } from './money-schema.js';
export { paymentPollTarget } from './payment-poll-target.js';
export { FAILURE_CODES, failureCodeSchema, type CanonicalFailureCode } from './failure-codes.js';
export {
  isSettledPaymentStatus,
  PAYMENT_STATUSES,
  paymentStatusMachine,
  SETTLED_PAYMENT_STATUSES,
  paymentStatusSchema,
  type PaymentLifecycleStatus,
  type PaymentStatus,
} from './payment-status.js';
export { customerSchema, type Customer } from './models/customer.js';
export { paymentFailureSchema, paymentSchema, type Payment, type PaymentFailure } from './models/payment.js';
export { REFUND_STATUSES, refundSchema, type Refund, type RefundStatus } from './models/refund.js';
export {
  PAYMENT_EVENT_TYPES,
  paymentEventSchema,
  type PaymentEvent,
  type PaymentEventType,
} from './models/payment-event.js';
export {
  SETTLEMENT_KINDS,
  settlementLineSchema,
  type SettlementKind,
  type SettlementLine,
} from './models/settlement-line.js';
export type {
  CaptureOptions,
  CreatePaymentInput,
  IdempotentOptions,
  OutcomeResolution,
  PaymentListFilter,
  PaymentsConnector,
  RefundOptions,
  SettlementPeriod,
  UncertainOperation,
  WebhookDelivery,
} from './connector.js';
export { captureOutcome } from './capture-outcome.js';
export {
  reconcilePayments,
  type OurPaymentNet,
  type PaymentsReconciliationReport,
  type ReconcilePaymentsOptions,
  type TheirPaymentNet,
} from './reconciliation/reconcile-payments.js';
export { movementsBetween, type PaymentMovement } from './reconciliation/movements.js';
export { PAYMENT_METRICS } from './metrics/definitions.js';
export { observePaymentChange } from './metrics/observer.js';
export { paymentMetrics } from './metrics/payment-metrics.js';
export { paymentsDomain } from './plugin/domain.js';
export { paymentChange, paymentsInterpreter } from './plugin/interpreter.js';
export { paymentPolling } from './plugin/polling.js';
export { paymentsReconciliationJob } from './plugin/reconciliation-job.js';
export { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE } from './plugin/records.js';
