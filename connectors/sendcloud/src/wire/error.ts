import { z } from 'zod';
import { wireContract } from './envelope.js';

/** An error body. Template value: the provider's documented error shape. */
export const wireError = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export type WireError = z.output<typeof wireError>;

export const errorContract = wireContract('error', wireError);
