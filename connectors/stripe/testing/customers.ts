import type { ResourceSpec } from '@interlock/testkit/simulator';
import { customerObject } from './objects.js';
import type { SimulationState } from './state.js';

/** The stored collection; the simulator's generic create answers POST /v1/customers with it. */
export function customerResource(state: SimulationState): ResourceSpec {
  return {
    name: 'customers',
    path: '/v1/customers',
    idPrefix: 'cus_',
    newId: () => state.nextId('cus_'),
    create: ({ id, body, now }) => {
      const customer = customerObject(id, body, now);
      state.emit('customer.created', customer, now);
      return customer;
    },
  };
}
