import { z } from 'zod';
import { wireContract } from './envelope.js';

/** One JSON:API error object (v3-shipments.openapi.yml, components.schemas.ErrorObject). */
export const wireErrorObject = z.object({
  id: z.string().optional(),
  links: z.object({ about: z.string().optional() }).optional(),
  status: z.string(),
  code: z.string(),
  title: z.string().optional(),
  detail: z.string(),
  source: z.object({ pointer: z.string().optional(), parameter: z.string().optional(), header: z.string().optional() }).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** A v3 error body: `{ errors: [...] }`, each with status, code and detail (components.schemas.errors). */
export const wireError = z.object({ errors: z.array(wireErrorObject).min(1) });

export type WireError = z.output<typeof wireError>;

export const errorContract = wireContract('error', wireError);
