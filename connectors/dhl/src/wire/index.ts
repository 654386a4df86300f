import { expressProblemContract } from './express-problem.js';
import { createdShipmentContract } from './express-shipment.js';
import { expressTrackingContract } from './express-tracking.js';
import { problemContract } from './problem.js';
import { ratesContract } from './rates.js';
import { shipmentsContract } from './tracking.js';

export { CURRENCY_TYPE, DOCUMENT_TYPE, UNIT_OF_MEASUREMENT } from './express-enums.js';
export { expressProblemContract, wireExpressProblem, type WireExpressProblem } from './express-problem.js';
export { createdShipmentContract, wireCreatedPackage, wireCreatedShipment, type WireCreatedShipment, type WireDocument } from './express-shipment.js';
export { expressTrackingContract, wireExpressTracking, wireTrackedPiece, wireTrackedShipment, type WireExpressTracking, type WireTrackedShipment } from './express-tracking.js';
export { problemContract, wireProblem, type WireProblem } from './problem.js';
export { ratesContract, wireRateProduct, wireRates, type WirePrice, type WireRateProduct, type WireRates } from './rates.js';
export { DESTINATION_PROVIDER, REFERENCE_TYPE, SERVICE, STATUS_CODE } from './status.js';
export { shipmentsContract, wireShipment, wireShipments, wireTrackingEvent, type WireQuantity, type WireShipment, type WireShipments, type WireTrackingEvent } from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const DHL_CONTRACTS = {
  shipments: shipmentsContract,
  problem: problemContract,
  rates: ratesContract,
  'created-shipment': createdShipmentContract,
  'express-tracking': expressTrackingContract,
  'express-problem': expressProblemContract,
} as const;
