import { isKnownCurrency, type Money } from '@interlock/core';
import { z } from 'zod';

/**
 * Core's `Money` as a zod schema: a safe integer of minor units and an upper-case ISO 4217 code
 * core knows the exponent of. A float is refused, never rounded: 12.5 means a connector forgot to
 * convert a carrier's major-unit price ("12.50") with core's `moneyFromMajor`.
 */
export const moneySchema: z.ZodType<Money> = z
  .object({
    amountMinor: z.number().int().refine(Number.isSafeInteger, 'beyond the safe integer range'),
    currency: z.string().regex(/^[A-Z]{3}$/).refine(isKnownCurrency, 'not an ISO 4217 currency core knows'),
  })
  .readonly();
