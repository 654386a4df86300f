export { startHub, type Hub, type HubOptions } from './hub.js';
export { hubConfigSchema, loadConfig, providerSecrets, type HubConfig, type HubConfigInput, type ProviderConfig } from './config/config.js';
export { openEngines, type Engines } from './engines.js';
export { createEventApplier, type EventApplierOptions, type EventInterpreter, type RecordChange } from './workers/event-applier.js';
export { ingressProvider, type IngressProvider } from './ingress/ingress-provider.js';
export { HubMetrics } from './metrics/hub-metrics.js';
export { runCli } from './cli/cli.js';
export { runDemo, type DemoOptions } from './cli/run-demo.js';
export { runService, type ServiceOptions } from './cli/run-service.js';
export { DEMO_PROVIDER, demoPaymentMachine, demoPaymentsInterpreter } from './demo/demo-payments.js';
export { demoEvents, sendDemoBatch } from './demo/demo-traffic.js';
export {
  paymentsReconciliationJob,
  PAYMENT_MOVEMENT_RECORD_TYPE,
  PAYMENT_RECORD_TYPE,
  ReconciliationScheduler,
  summarise,
  type PaymentsReconciliationJobOptions,
  type ReconciliationJob,
  type ReconciliationSchedule,
  type ReconciliationSchedulerOptions,
  type ReconciliationSummary,
} from './reconciliation/index.js';
