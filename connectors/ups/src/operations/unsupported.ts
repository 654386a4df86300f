import { unsupportedList, unsupportedOperation, type IntegrationError } from '@interlock/core';
import { UPS_PROVIDER } from '../provider.js';

/** The LogisticsConnector operations this connector does not implement: UPS's Rating and Shipping APIs have no pinned spec here. */
export const UNSUPPORTED_OPERATIONS = ['quoteRates', 'createShipment', 'cancelShipment', 'getShipment', 'findShipmentByReference', 'listShipments'] as const;

export type UnsupportedOperation = (typeof UNSUPPORTED_OPERATIONS)[number];

const WHY = 'tracking and Track Alert only';

/** Core's typed refusal (`operation_unsupported`, never retried), thrown before any call. */
export function unsupported(endpoint: UnsupportedOperation): IntegrationError {
  return unsupportedOperation(UPS_PROVIDER, endpoint, WHY);
}

export function unsupportedShipmentList<T>(): AsyncIterable<T> {
  return unsupportedList(UPS_PROVIDER, 'listShipments', WHY);
}
