import { z } from 'zod';
import { wireContract } from './common.js';

/** An RFC 7807 `application/problem+json` body, every member optional as the spec has it. */
export const wireProblem = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

export type WireProblem = z.output<typeof wireProblem>;

export const problemContract = wireContract('problem', wireProblem);
