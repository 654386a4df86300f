import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';
import { STATUS_CODE } from './status.js';

/** The carrier's scan as the pinned version sends it, its time local and without an offset. Template value: its shape, from the carrier's spec or docs. */
export const wireTrackingEvent = z.object({
  code: STATUS_CODE.schema,
  description: z.string(),
  location: z.object({ city: z.string().nullable(), postal_code: z.string().nullable(), country_code: z.string().nullable() }).nullable(),
  occurred_at: z.string(),
});

/** The carrier's answer for one tracking number as the pinned version sends it. Template value: its shape, from the carrier's spec or docs. */
export const wireTracking = z.object({
  tracking_number: z.string(),
  found: z.boolean(),
  events: z.array(wireTrackingEvent),
});

export type WireTracking = z.output<typeof wireTracking>;
export type WireTrackingEvent = z.output<typeof wireTrackingEvent>;

export const trackingContract = wireContract('tracking', wireTracking);
export const trackingListContract = wireContract('tracking_list', listOf(wireTracking));
