import { isKnownCurrency } from '@interlock/core';
import { z } from 'zod';

/**
 * Core's `Money` as a zod schema: a safe integer of minor units and an upper-case ISO 4217 code
 * that core knows the exponent of. Floats are refused rather than rounded: an amount like 10.5
 * means a connector forgot to convert from major units, and that must fail loudly.
 */
export const moneySchema = z
  .object({
    amountMinor: z.number().int().safe(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be a 3-letter upper-case ISO 4217 code')
      .refine(isKnownCurrency, { message: 'unknown ISO 4217 currency' }),
  })
  .strict();
