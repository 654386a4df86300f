import { z } from 'zod';
import { optionalText, razorpayContract } from './common.js';

/**
 * The error body as Razorpay sends it (errors docs, sdk-mocks/bad_request_error.json). The
 * spec's own `Error` schema (`{ code, message }`) does not match the wire and is not used.
 * `source`, `step` and `reason` are the string "NA" on errors that are not about a payment.
 */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    description: optionalText,
    field: optionalText,
    source: optionalText,
    step: optionalText,
    reason: optionalText,
    metadata: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  }),
});

export const errorContract = razorpayContract('error', errorSchema);
