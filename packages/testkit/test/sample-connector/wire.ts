import { defineContract, openEnum } from '@interlock/core';
import { z } from 'zod';

export const ACME_PAYMENT_STATUS = openEnum('acme.payment_status', ['pending', 'succeeded', 'failed', 'refunded']);

/** Acme's payment object as the (sample) API sends it, version 2026-01. */
export const paymentContract = defineContract({
  provider: 'acme',
  name: 'payment',
  version: '2026-01',
  schema: z.object({
    id: z.string(),
    object: z.literal('payment'),
    amount: z.number().int(),
    currency: z.string(),
    status: ACME_PAYMENT_STATUS.schema,
    customer: z.object({ name: z.string() }).optional(),
    created: z.number().int(),
    description: z.string().optional(),
  }),
});

export const ACME_CONTRACTS = { payment: paymentContract };
