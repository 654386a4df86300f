import { statusMap } from '@interlock/core';
import { PARCEL_STATUS_CODE, PARENT_STATUS, STATUS_ID } from '../wire/status.js';

/*
 * One map per vocabulary (wire/status.ts says where each comes from). A code no line lists is
 * `unknown`, its code kept raw and alerted on; no code is mapped from its wording alone.
 */

/**
 * A v3 shipment's parcel `status.code`. Being announced is the label on its way, the state a
 * shipment starts in; a failed announcement leaves the sender a problem to fix, an exception.
 */
export const SHIPMENT_STATUS_MAP = statusMap(PARCEL_STATUS_CODE, {
  label_created: ['ANNOUNCING', 'READY_TO_SEND'],
  exception: ['ANNOUNCEMENT_FAILED'],
  canceled: ['CANCELLED'],
});

/** v2 tracking's consolidated `parent_status`, the spellings v2-tracking.openapi.yml shows. */
export const PARENT_STATUS_MAP = statusMap(PARENT_STATUS, {
  label_created: ['announcing', 'ready-to-send'],
  in_transit: ['shipment-on-route'],
  delivered: ['delivered'],
});

/** A webhook parcel's numeric status id, by the three ids whose meaning v3-shipments.openapi.yml states. */
export const STATUS_ID_MAP = statusMap(STATUS_ID, {
  label_created: ['1000'],
  delivered: ['11'],
  canceled: ['2000'],
});
