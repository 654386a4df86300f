import { IntegrationError } from '@interlock/core';
import { UPS_PROVIDER } from '../provider.js';

/** The LogisticsConnector operations this connector does not implement: UPS's Rating and Shipping APIs have no pinned spec here. */
export const UNSUPPORTED_OPERATIONS = ['quoteRates', 'createShipment', 'cancelShipment', 'getShipment', 'findShipmentByReference', 'listShipments'] as const;

export type UnsupportedOperation = (typeof UNSUPPORTED_OPERATIONS)[number];

/**
 * The typed refusal of an operation the connector does not implement: `invalid_request` (never
 * retried), reason `operation_unsupported`, thrown before any call.
 */
export function unsupported(endpoint: UnsupportedOperation): IntegrationError {
  return new IntegrationError('invalid_request', `${UPS_PROVIDER}: ${endpoint} is not supported (tracking and Track Alert only)`, {
    provider: UPS_PROVIDER,
    endpoint,
    reason: 'operation_unsupported',
    requestMayHaveReachedProvider: false,
  });
}
