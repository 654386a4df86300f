import { problemContract } from './problem.js';
import { shipmentsContract } from './tracking.js';

export { problemContract, wireProblem, type WireProblem } from './problem.js';
export { DESTINATION_PROVIDER, REFERENCE_TYPE, SERVICE, STATUS_CODE } from './status.js';
export { shipmentsContract, wireShipment, wireShipments, wireTrackingEvent, type WireQuantity, type WireShipment, type WireShipments, type WireTrackingEvent } from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const DHL_CONTRACTS = {
  shipments: shipmentsContract,
  problem: problemContract,
} as const;
