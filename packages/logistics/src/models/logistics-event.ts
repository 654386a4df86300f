import { z } from 'zod';
import { shipmentSchema } from './shipment.js';
import { trackSchema } from './tracking.js';

/** Canonical event types; `unknown` is an event we verified but do not act on (its raw type kept). */
export const LOGISTICS_EVENT_TYPES = ['tracking.updated', 'shipment.updated', 'unknown'] as const;

/** A canonical logistics event type. */
export type LogisticsEventType = (typeof LOGISTICS_EVENT_TYPES)[number];

/**
 * What an event whose body nobody signed asks for: a tracking read of one number. Its content is
 * advice, so the state applied is the read's answer, never the event's own.
 */
export const trackingReadRequestSchema = z.object({ trackingNumber: z.string().min(1) });

/** A request to read one tracking number from the carrier. */
export type TrackingReadRequest = z.infer<typeof trackingReadRequestSchema>;

/**
 * One verified webhook event. It carries the track (or shipment) as the carrier now sees it rather
 * than a delta, because webhooks arrive late, twice and out of order and the state machine orders
 * them; `providerEventId` is what the event path dedupes on. A carrier that signs nothing (UPS
 * Track Alert) sends `readRequest` instead of a track.
 */
export const logisticsEventSchema = z.object({
  id: z.string().min(1),
  provider: z.string().min(1),
  providerEventId: z.string().min(1),
  type: z.enum(LOGISTICS_EVENT_TYPES),
  rawType: z.string(),
  occurredAt: z.number().int(),
  track: trackSchema.optional(),
  shipment: shipmentSchema.optional(),
  readRequest: trackingReadRequestSchema.optional(),
});

/** A canonical logistics event. */
export type LogisticsEvent = z.infer<typeof logisticsEventSchema>;
