import { z } from 'zod';
import { isCountryCode } from '../countries.js';
import { trackingStatusSchema } from '../tracking-status.js';

/** Where a scan happened, as much as the carrier says. */
export const trackingLocationSchema = z.object({
  city: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code').optional(),
  /** The carrier's own words for the place ("Leipzig hub"). */
  description: z.string().optional(),
});

/** A canonical scan location. */
export type TrackingLocation = z.infer<typeof trackingLocationSchema>;

/**
 * One scan or status change of one tracking number. `status` is canonical (`unknown` for a code
 * no connector maps yet); `rawCode` and `rawText` are the carrier's, kept for support and for
 * mapping the code later. `occurredAt` is the carrier's time resolved to UTC (from the carrier's
 * declared zone when it sends local times, see `resolveCarrierTime`); `receivedAt` is our clock's
 * when we read it. Both epoch milliseconds.
 */
export const trackingEventSchema = z.object({
  trackingNumber: z.string().min(1),
  status: trackingStatusSchema,
  rawCode: z.string(),
  rawText: z.string(),
  location: trackingLocationSchema.optional(),
  occurredAt: z.number().int(),
  receivedAt: z.number().int(),
});

/** A canonical tracking event. */
export type TrackingEvent = z.infer<typeof trackingEventSchema>;

/**
 * What a carrier knows of one tracking number: its events oldest first and the status they add up
 * to (`summarizeTrack`). A carrier may hold several shipments under one number (DHL across its
 * services), each its own `Track`, told apart by `carrierShipmentId` and `service`.
 */
export const trackSchema = z.object({
  provider: z.string().min(1),
  trackingNumber: z.string().min(1),
  carrierShipmentId: z.string().min(1).optional(),
  service: z.string().optional(),
  status: trackingStatusSchema,
  /** The carrier's code behind `status`. */
  statusRaw: z.string(),
  /** When the carrier last changed the status: the latest known event's `occurredAt`. */
  updatedAt: z.number().int(),
  estimatedDeliveryAt: z.number().int().optional(),
  events: z.array(trackingEventSchema),
});

/** A canonical track. */
export type Track = z.infer<typeof trackSchema>;
