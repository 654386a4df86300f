export { reconciliationJobs } from './jobs.js';
export { summarise, type ReconciliationSummary } from './reconciliation-job.js';
export { ReconciliationScheduler, scheduleFromConfig, type ReconciliationSchedule, type ReconciliationSchedulerOptions } from './scheduler.js';
