import { z } from 'zod';
import { moneySchema } from '../money-schema.js';

/** One price a carrier quoted for one service. Times are epoch milliseconds, UTC. */
export const rateSchema = z.object({
  provider: z.string().min(1),
  /** The carrier that moves the parcel; an aggregator (Sendcloud) quotes many. */
  carrier: z.string().min(1),
  /** The carrier's service code, as `createShipment` takes it back. */
  service: z.string().min(1),
  serviceName: z.string().optional(),
  amount: moneySchema,
  /** Business days from pickup to delivery, as the carrier estimates them. */
  transitDays: z.number().int().nonnegative().optional(),
  /** When the carrier stops honouring the price; caches never keep a rate past it. */
  validUntil: z.number().int(),
  quotedAt: z.number().int(),
});

/** A canonical rate. */
export type Rate = z.infer<typeof rateSchema>;
