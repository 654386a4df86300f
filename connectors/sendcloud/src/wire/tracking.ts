import { z } from 'zod';
import { wireContract } from './envelope.js';
import { PARENT_STATUS } from './status.js';

/*
 * v2 tracking (v2-tracking.openapi.yml, GET /tracking/{tracking_number}): the parcel's whole status
 * history, each entry with Sendcloud's consolidated `parent_status`. The spec marks no field
 * required, so none is here; the transform refuses an entry without a time as a broken contract.
 * Times are `2022-01-25 14:42:03.277703+00:00`: a space, microseconds and an offset.
 */

/** DetailedTrackingBlobStatus. */
export const wireTrackingStatus = z.object({
  carrier_update_timestamp: z.string().optional(),
  parcel_status_history_id: z.string().optional(),
  parent_status: PARENT_STATUS.schema.optional(),
  // Typed as the carrier enum, but the spec's own example sends '' for Sendcloud's internal statuses.
  carrier_code: z.string().optional(),
  carrier_message: z.string().optional(),
});

/** DetailedTrackingBlob. */
export const wireTracking = z.object({
  parcel_id: z.string().optional(),
  carrier_code: z.string().optional(),
  created_at: z.string().optional(),
  carrier_tracking_url: z.string().optional(),
  sendcloud_tracking_url: z.string().optional(),
  is_return: z.boolean().optional(),
  is_to_service_point: z.boolean().optional(),
  is_mail_box: z.boolean().optional(),
  expected_delivery_date: z.string().optional(),
  statuses: z.array(wireTrackingStatus).optional(),
});

export type WireTracking = z.output<typeof wireTracking>;
export type WireTrackingStatus = z.output<typeof wireTrackingStatus>;

export const trackingContract = wireContract('tracking', wireTracking);
