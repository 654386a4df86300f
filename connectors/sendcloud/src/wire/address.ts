import { z } from 'zod';

/** The carrier's address as the pinned version sends it. Template value: its shape, from the carrier's spec or docs. */
export const wireAddress = z.object({
  name: z.string(),
  company: z.string().nullable(),
  address_line_1: z.string(),
  address_line_2: z.string().nullable(),
  house_number: z.string().nullable(),
  postal_code: z.string().nullable(),
  city: z.string(),
  state_code: z.string().nullable(),
  country_code: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export type WireAddress = z.output<typeof wireAddress>;
