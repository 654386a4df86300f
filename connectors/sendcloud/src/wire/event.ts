import { z } from 'zod';
import { wireContract } from './envelope.js';

/**
 * The provider's webhook event as the pinned version sends it; its object is parsed by that
 * object's own contract. Template value: its shape, from the provider's spec or docs.
 */
export const wireEvent = z.object({
  id: z.string(),
  object: z.literal('event'),
  type: z.string(),
  created_at: z.number().int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

export type WireEvent = z.output<typeof wireEvent>;

export const eventContract = wireContract('event', wireEvent);
