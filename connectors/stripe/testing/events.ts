import type { SimulatorHandler } from '@interlock/testkit/simulator';
import { listReply } from './lists.js';
import type { SimulationState } from './state.js';

/** GET /v1/events: filtered by `type=` or by any of several `types[]=`. */
export function listEvents(state: SimulationState): SimulatorHandler {
  return (request) => {
    const types = request.searchParams.getAll('types[]');
    return listReply(state.collection('events').list(), request.searchParams, {
      objectName: 'event',
      url: '/v1/events',
      matching: ['type'],
      filter: (event) => types.length === 0 || types.includes(event['type'] as string),
    });
  };
}
