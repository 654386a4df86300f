import { z } from 'zod';

/** A customer as every payments provider knows one. */
export const customerSchema = z.object({
  /** The provider's own id for this customer (e.g. Stripe's `cus_…`). */
  id: z.string().min(1),
  /** The caller's own id for the customer, when the provider keeps it (metadata, notes). */
  reference: z.string().min(1).optional(),
  name: z.string(),
  email: z.string().email().optional(),
  metadata: z.record(z.string(), z.string()),
});

/** A canonical customer. */
export type Customer = z.infer<typeof customerSchema>;
