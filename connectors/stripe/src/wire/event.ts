import { z } from 'zod';
import { opaqueFields, stripeContract, stripeList, unixSeconds } from './common.js';

/**
 * components.schemas.event of the 2023-08-16 spec: the webhook envelope and the item of
 * GET /v1/events. `data.object` is parsed afterwards with the contract its `type` names, so the
 * envelope itself never walks into it.
 */
export const eventSchema = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created: unixSeconds,
  api_version: z.string().nullable().optional(),
  data: z.object({
    // Left to the contract the event's type names: walking it here would copy every field twice.
    object: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'expected an object'),
    ...opaqueFields(['previous_attributes']),
  }),
  ...opaqueFields(['account', 'livemode', 'pending_webhooks', 'request']),
});

export const eventContract = stripeContract('event', eventSchema);

/** GET /v1/events: NotificationEventList. */
export const eventListContract = stripeContract('event_list', stripeList(eventSchema));

export type WireEvent = z.output<typeof eventSchema>;
