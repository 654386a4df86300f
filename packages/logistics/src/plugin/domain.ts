import type { DomainPlugin } from '@interlock/core';
import type { LogisticsConnector } from '../connector.js';
import { logisticsMetrics } from '../metrics/logistics-metrics.js';
import { trackingStatusMachine } from '../tracking-status.js';
import { logisticsInterpreter } from './interpreter.js';
import { shipmentPolling } from './polling.js';
import { SHIPMENT_RECORD_TYPE } from './records.js';

/** The logistics domain as the hub runs it, for every carrier's descriptor. It has no reconciliation job. */
export const logisticsDomain: DomainPlugin<LogisticsConnector> = Object.freeze({
  name: 'logistics',
  recordTypes: [SHIPMENT_RECORD_TYPE],
  machine: trackingStatusMachine,
  interpreter: logisticsInterpreter,
  polling: shipmentPolling,
  metrics: logisticsMetrics,
});
