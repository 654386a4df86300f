import { errorContract } from './error.js';
import { eventContract } from './event.js';
import { rateListContract } from './rate.js';
import { shipmentContract, shipmentListContract } from './shipment.js';
import { trackingContract, trackingListContract } from './tracking.js';

export { wireAddress, type WireAddress } from './address.js';
export { errorContract, wireError, type WireError } from './error.js';
export { eventContract, wireEvent, type WireEvent } from './event.js';
export { rateListContract, wireRate, type WireRate } from './rate.js';
export { shipmentContract, shipmentListContract, wireShipment, type WireShipment } from './shipment.js';
export { STATUS_CODE } from './status.js';
export { trackingContract, trackingListContract, wireTracking, wireTrackingEvent, type WireTracking, type WireTrackingEvent } from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const SENDCLOUD_CONTRACTS = {
  shipment: shipmentContract,
  shipment_list: shipmentListContract,
  rate_list: rateListContract,
  tracking: trackingContract,
  tracking_list: trackingListContract,
  event: eventContract,
  error: errorContract,
} as const;
