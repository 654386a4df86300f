import { unsupportedList, unsupportedOperation, type IntegrationError } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';

/**
 * Rates, labels, voids and shipment lookups are DHL Express's (the MyDHL API, Basic auth, its own
 * base URL), not implemented in this release: ../shared/providers holds none of its shapes, and
 * the contracts are still to be written from DHL's MyDHL OpenAPI. Until then each of them refuses
 * before any call, with core's typed `operation_unsupported`, rather than sending a guessed shape.
 */
const WHY = 'DHL Express / MyDHL API not implemented; this connector tracks only';

export function unsupported(endpoint: string): IntegrationError {
  return unsupportedOperation(DHL_PROVIDER, endpoint, WHY);
}

export function unsupportedShipmentList<T>(): AsyncIterable<T> {
  return unsupportedList(DHL_PROVIDER, 'listShipments', WHY);
}
