export { PAYMENT_MOVEMENT_RECORD_TYPE, PAYMENT_RECORD_TYPE, paymentsReconciliationJob, type PaymentsReconciliationJobOptions } from './payments-job.js';
export { summarise, type ReconciliationJob, type ReconciliationSummary } from './reconciliation-job.js';
export { ReconciliationScheduler, scheduleFromConfig, type ReconciliationSchedule, type ReconciliationSchedulerOptions } from './scheduler.js';
