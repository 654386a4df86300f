import { defineStateMachine } from '@interlock/core';
import { z } from 'zod';

/** The canonical tracking states every carrier's codes are mapped onto. */
export const TRACKING_STATUSES = [
  'label_created',
  'in_transit',
  'out_for_delivery',
  'delivery_failed',
  'available_for_pickup',
  'exception',
  'delivered',
  'returned_to_sender',
  'canceled',
] as const;

/** A state of the tracking lifecycle. */
export type TrackingLifecycleStatus = (typeof TRACKING_STATUSES)[number];

/**
 * A canonical tracking status: a lifecycle state, or `unknown` for a carrier code no connector
 * maps yet (the carrier's code and text are kept beside it and the code is alerted on).
 */
export type TrackingStatus = TrackingLifecycleStatus | 'unknown';

/** Zod schema for `TrackingStatus`, `unknown` included. */
export const trackingStatusSchema = z.enum([...TRACKING_STATUSES, 'unknown']);

/**
 * Which status may follow which, for core's `guardTransition`. Forward only, with the detours
 * carriers really take:
 *
 * - `delivery_failed` is an attempt, not the end: the courier comes back (`out_for_delivery`),
 *   the parcel goes back into the network to a depot or a pickup point (`in_transit`,
 *   `available_for_pickup`), or it is returned.
 * - `exception` (customs hold, damage, weather, address problem) is resolved one way or another:
 *   anything that is not a step back to `label_created` may follow it.
 * - `available_for_pickup` ends in the recipient collecting it or its return when it is not.
 * - Any state before delivery may be skipped: a carrier that scans rarely goes from
 *   `label_created` straight to `delivered`, and the guard checks single steps.
 * - `canceled` (a voided label) can only follow `label_created`: once the carrier has the parcel,
 *   it comes back as a return instead.
 *
 * `delivered`, `returned_to_sender` and `canceled` are terminal. `unknown` is not a state: the
 * guard refuses it as `unknown_state`, so an unmapped code never overwrites a known status.
 */
export const trackingStatusMachine = defineStateMachine<TrackingLifecycleStatus>({
  name: 'tracking',
  initial: ['label_created'],
  transitions: {
    label_created: ['in_transit', 'out_for_delivery', 'delivery_failed', 'available_for_pickup', 'exception', 'delivered', 'returned_to_sender', 'canceled'],
    in_transit: ['out_for_delivery', 'delivery_failed', 'available_for_pickup', 'exception', 'delivered', 'returned_to_sender'],
    out_for_delivery: ['delivery_failed', 'available_for_pickup', 'exception', 'delivered', 'returned_to_sender'],
    delivery_failed: ['in_transit', 'out_for_delivery', 'available_for_pickup', 'exception', 'delivered', 'returned_to_sender'],
    available_for_pickup: ['exception', 'delivered', 'returned_to_sender'],
    exception: ['in_transit', 'out_for_delivery', 'delivery_failed', 'available_for_pickup', 'delivered', 'returned_to_sender'],
    delivered: [],
    returned_to_sender: [],
    canceled: [],
  },
});

/** The statuses a shipment ends in: what pollers wait for. */
export const FINAL_TRACKING_STATUSES: readonly TrackingStatus[] = Object.freeze([...trackingStatusMachine.terminal]);

/** Whether a shipment in this status will not move again. */
export function isFinalTrackingStatus(status: string): boolean {
  return (FINAL_TRACKING_STATUSES as readonly string[]).includes(status);
}
