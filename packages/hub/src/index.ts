export { startHub, type Hub, type HubOptions } from './hub.js';
export { configDir, hubConfigSchema, loadConfig, type HubConfig, type HubConfigInput, type ProviderConfig } from './config/config.js';
export { loadDescriptor, type KnownDescriptors } from './connectors/load-descriptor.js';
export { openEngines, type Engines } from './engines.js';
export { createEventApplier, type EventApplierOptions } from './workers/event-applier.js';
export { HubMetrics } from './metrics/hub-metrics.js';
export { silentLog, type HubLog, type LogFields, type LogLevel, type LogValue } from './logging/log.js';
export type { LogDestination } from './logging/pino-log.js';
export { consoleConfigSchema, CONSOLE_ROLES, type ConsoleConfig, type ConsoleOperatorConfig, type ConsoleRole } from './console/index.js';
export { runCli } from './cli/cli.js';
export { runService, type ServiceOptions } from './cli/run-service.js';
export {
  ReconciliationScheduler,
  summarise,
  type ReconciliationSchedule,
  type ReconciliationSchedulerOptions,
  type ReconciliationSummary,
} from './reconciliation/index.js';
export {
  alertsConfigSchema,
  startAlerting,
  AuditAlertStore,
  MemoryAlertStore,
  type Alerting,
  type AlertingOptions,
  type AlertsConfig,
  type AlertsConfigInput,
  type AlertRecord,
  type AlertStore,
} from './alerts/index.js';
