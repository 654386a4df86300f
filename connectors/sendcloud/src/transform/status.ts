import { statusMap } from '@interlock/core';
import { STATUS_CODE } from '../wire/status.js';

/** The carrier's codes per canonical tracking status; any other is `unknown`, its code kept. Template value: one line per status. */
export const STATUS_MAP = statusMap(STATUS_CODE, {
  label_created: ['created'],
  in_transit: ['in_transit'],
  out_for_delivery: ['out_for_delivery'],
  delivery_failed: ['delivery_failed'],
  available_for_pickup: ['ready_for_pickup'],
  exception: ['exception'],
  delivered: ['delivered'],
  returned_to_sender: ['returned'],
  canceled: ['cancelled'],
});
