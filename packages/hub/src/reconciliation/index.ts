export { paymentsReconciliationJob, PAYMENT_RECORD_TYPE, type PaymentsReconciliationJobOptions } from './payments-job.js';
export { summarise, type ReconciliationJob, type ReconciliationSummary } from './reconciliation-job.js';
export { ReconciliationScheduler, scheduleFromConfig, type ReconciliationSchedule, type ReconciliationSchedulerOptions } from './scheduler.js';
