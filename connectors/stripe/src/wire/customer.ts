import { z } from 'zod';
import { metadataSchema, opaqueFields, stripeContract, unixSeconds } from './common.js';

/** components.schemas.customer of the 2023-08-16 spec. */
export const customerSchema = z.object({
  id: z.string(),
  object: z.literal('customer'),
  created: unixSeconds,
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  metadata: metadataSchema,
  ...opaqueFields([
    'address',
    'balance',
    'cash_balance',
    'currency',
    'default_source',
    'delinquent',
    'description',
    'discount',
    'invoice_credit_balance',
    'invoice_prefix',
    'invoice_settings',
    'livemode',
    'next_invoice_sequence',
    'phone',
    'preferred_locales',
    'shipping',
    'sources',
    'subscriptions',
    'tax',
    'tax_exempt',
    'tax_ids',
    'test_clock',
  ]),
});

export const customerContract = stripeContract('customer', customerSchema);

export type WireCustomer = z.output<typeof customerSchema>;
