import { unsupportedList, unsupportedOperation, type IntegrationError } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';
import type { DhlContext, DhlExpressContext } from './context.js';

/**
 * What the MyDHL API 2.7.0 has no operation for: it cancels pickups, not shipments (an unused AWB
 * is never picked up), reads a shipment only as tracking, whose answer lacks the addresses a
 * canonical Shipment holds, and lists nothing. Each refuses before any call with core's typed
 * `operation_unsupported`; a retried create looks its shipment up by reference on its own.
 */
const WHY = {
  cancelShipment: 'the MyDHL API cancels pickups, not shipments',
  getShipment: 'the MyDHL API reads a shipment only as tracking, without the addresses a Shipment holds; use track()',
  findShipmentByReference: 'the MyDHL API finds a shipment by reference only as tracking, without the addresses a Shipment holds; createShipment looks it up itself',
  listShipments: 'the MyDHL API lists no shipments',
} as const;

export function unsupported(endpoint: keyof typeof WHY): IntegrationError {
  return unsupportedOperation(DHL_PROVIDER, endpoint, WHY[endpoint]);
}

export function unsupportedShipmentList<T>(): AsyncIterable<T> {
  return unsupportedList(DHL_PROVIDER, 'listShipments', WHY.listShipments);
}

/**
 * DHL Express, or the typed refusal of an operation that needs it: without its credentials the
 * connector tracks only, and rates and labels refuse before any call.
 */
export function expressOf(ctx: DhlContext, endpoint: string): DhlExpressContext {
  if (ctx.express === undefined) throw unsupportedOperation(DHL_PROVIDER, endpoint, 'DHL Express (MyDHL API) credentials not configured; this connector tracks only');
  return ctx.express;
}
