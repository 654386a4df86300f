import { statusMap } from '@interlock/core';
import { STATUS_CODE } from '../wire/status.js';

/**
 * DHL's normalised codes per canonical status; any other (DHL's own `unknown` included) is
 * `unknown`, its code kept. `failure` is DHL's word for a shipment that went wrong on the way: an
 * exception, after which a shipment may move on again. Returns and voids have no code of their
 * own in this API (only free text in `status`), so no canonical status is guessed for them.
 */
export const STATUS_MAP = statusMap(STATUS_CODE, {
  label_created: ['pre-transit'],
  in_transit: ['transit'],
  out_for_delivery: [],
  delivery_failed: [],
  available_for_pickup: [],
  exception: ['failure'],
  delivered: ['delivered'],
  returned_to_sender: [],
  canceled: [],
});
