import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { announce, cancel, listShipmentPage, readShipment, trackNumber } from './shipments.js';
import type { SimulationState } from './state.js';

/** A route of the simulated API, answered by its resource's handler file. */
export interface SimulatedRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(state: SimulationState, request: SimulatorRequest): FaultReply;
}

/** The endpoints the connector calls (src/endpoints.ts), under the version each belongs to. */
export const ROUTES: readonly SimulatedRoute[] = [
  { method: 'POST', path: '/v3/shipments/announce', handle: announce },
  { method: 'GET', path: '/v3/shipments', handle: listShipmentPage },
  { method: 'GET', path: '/v3/shipments/:id', handle: readShipment },
  { method: 'POST', path: '/v3/shipments/:id/cancel', handle: cancel },
  { method: 'GET', path: '/v2/tracking/:trackingNumber', handle: trackNumber },
];
