import { z } from 'zod';
import { wireContract } from './common.js';
import { STATUS_TYPE } from './status.js';

const text = z.string().optional();

/**
 * A Track Alert push (`TrackingEventRequest` in UPSTrackAlert.yaml's `webhooks.TrackingEvent`):
 * `trackingNumber` and `activityStatus` required, the rest present when UPS has it. Nothing in it
 * is signed, so the connector reads only the tracking number from it.
 */
export const wireAlert = z.object({
  trackingNumber: z.string(),
  localActivityDate: text,
  localActivityTime: text,
  activityLocation: z.object({ city: text, stateProvince: text, postalCode: text, country: text }).optional(),
  activityStatus: z.object({ type: STATUS_TYPE.schema.optional(), code: text, description: text, descriptionCode: z.number().int().optional() }),
  scheduledDeliveryDate: text,
  actualDeliveryDate: text,
  actualDeliveryTime: text,
  gmtActivityDate: text,
  gmtActivityTime: text,
  gmtOffset: text,
  deliveryStartTime: text,
  deliveryEndTime: text,
  deliveryTimeDescription: text,
  deliveryPhoto: text,
  alternateTrackingNumber: text,
  receivedBy: text,
});

export type WireAlert = z.output<typeof wireAlert>;

export const alertContract = wireContract('track_alert', wireAlert);

/** `PackageSubscriptionSuccessResponse`: which numbers were subscribed and which refused. */
export const wireSubscription = z
  .object({ validTrackingNumbers: z.array(z.string()).optional(), invalidTrackingNumbers: z.array(z.string()).optional() })
;

export type WireSubscription = z.output<typeof wireSubscription>;

export const subscriptionContract = wireContract('subscription', wireSubscription);
