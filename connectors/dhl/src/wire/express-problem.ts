import { z } from 'zod';
import { expressContract } from './common.js';

/**
 * A MyDHL API error (`supermodelIoLogisticsExpressErrorResponse`, sent as
 * `application/problem+json`). The schema types `status` as a string ("400"); the spec's 500
 * examples carry `code` ("500") instead, which the schema does not list, so both are accepted.
 * DHL's own error number, when there is one, opens `detail` ("7008: The requested Special
 * Service Code ...").
 */
export const wireExpressProblem = z.object({
  instance: z.string().optional(),
  detail: z.string().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  additionalDetails: z.array(z.string()).optional(),
  status: z.union([z.string(), z.number()]).optional(),
  code: z.string().optional(),
});

export type WireExpressProblem = z.output<typeof wireExpressProblem>;

export const expressProblemContract = expressContract('express-problem', wireExpressProblem);
