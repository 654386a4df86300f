import { acknowledgedFields } from '@interlock/core';
import { z } from 'zod';
import { ACKNOWLEDGED_FIELDS, opaqueFields, stripeContract } from './common.js';

/**
 * `api_errors`, as spec3 declares it (components.schemas.api_errors in
 * shared/providers/stripe/stripe-openapi.v1-subset.api-2023-08-16.json); also what a
 * PaymentIntent's `last_payment_error` holds.
 */
export const apiErrorSchema = z.object({
  type: z.string(),
  code: z.string().optional(),
  decline_code: z.string().optional(),
  message: z.string().optional(),
  param: z.string().optional(),
  ...opaqueFields([
    'charge',
    'doc_url',
    'payment_intent',
    'payment_method',
    'payment_method_type',
    'request_log_url',
    'setup_intent',
    'source',
  ]),
  ...acknowledgedFields(ACKNOWLEDGED_FIELDS.api_errors),
});

/** The body of every failed Stripe call: `{ "error": api_errors }` (components.schemas.error). */
export const errorContract = stripeContract('error', z.object({ error: apiErrorSchema }));
