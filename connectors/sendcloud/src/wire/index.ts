import { errorContract } from './error.js';
import { eventContract, eventParcelContract } from './event.js';
import { cancellationContract, shipmentContract, shipmentListContract } from './shipment.js';
import { trackingContract } from './tracking.js';

export { wireAddress, type WireAddress } from './address.js';
export { errorContract, wireError, type WireError } from './error.js';
export { eventContract, eventParcelContract, wireEvent, wireEventParcel, type WireEvent, type WireEventParcel } from './event.js';
export { cancellationContract, shipmentContract, shipmentListContract, wireShipment, wireShipmentParcel, type WireShipment, type WireShipmentParcel } from './shipment.js';
export { PARCEL_STATUS_CODE, PARENT_STATUS, STATUS_ID } from './status.js';
export { trackingContract, wireTracking, wireTrackingStatus, type WireTracking, type WireTrackingStatus } from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const SENDCLOUD_CONTRACTS = {
  shipment: shipmentContract,
  shipment_list: shipmentListContract,
  cancellation: cancellationContract,
  tracking: trackingContract,
  event: eventContract,
  event_parcel: eventParcelContract,
  error: errorContract,
} as const;
