import { z } from 'zod';
import { listOf, wireContract } from './envelope.js';

/** The carrier's rate as the pinned version sends it, amounts in minor units. Template value: its shape, from the carrier's spec or docs. */
export const wireRate = z.object({
  id: z.string(),
  object: z.literal('rate'),
  carrier: z.string(),
  service: z.string(),
  service_name: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  transit_days: z.number().int().nullable(),
  valid_until: z.number().int(),
});

export type WireRate = z.output<typeof wireRate>;

export const rateListContract = wireContract('rate_list', listOf(wireRate));
