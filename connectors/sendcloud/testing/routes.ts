import type { FaultReply, SimulatorRequest } from '@interlock/testkit/simulator';
import { listShipmentPage, trackNumbers } from './shipments.js';
import type { SimulationState } from './state.js';

/** A route beyond the resources' generic ones (create, list, `POST /:id/:action`). */
export interface SimulatedRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(state: SimulationState, request: SimulatorRequest): FaultReply;
}

/** Template value: the carrier's other routes, each answered by its resource's handler file. */
export const ROUTES: readonly SimulatedRoute[] = [
  { method: 'GET', path: '/v1/tracking', handle: trackNumbers },
  { method: 'GET', path: '/v1/shipments', handle: listShipmentPage },
];
