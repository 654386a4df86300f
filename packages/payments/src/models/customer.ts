import { z } from 'zod';

/** A customer as every payments provider knows one: our id plus the provider's reference. */
export const customerSchema = z.object({
  id: z.string().min(1),
  /** The provider's own id for this customer (e.g. Stripe's `cus_…`). */
  providerReference: z.string().min(1),
  name: z.string(),
  email: z.string().email().optional(),
  metadata: z.record(z.string(), z.string()),
});

/** A canonical customer. */
export type Customer = z.infer<typeof customerSchema>;
