import { z } from 'zod';

/**
 * An address of a v3 shipment as Sendcloud sends it back (v3-shipments.openapi.yml,
 * components.schemas.address-with-required-fields): name, first line, postal code, city and
 * country required, the rest optional. The examples send an empty `address_line_2` rather than
 * leaving it out, which the transform reads as no second line.
 */
export const wireAddress = z.object({
  name: z.string(),
  company_name: z.string().optional(),
  address_line_1: z.string(),
  house_number: z.string().optional(),
  address_line_2: z.string().optional(),
  postal_code: z.string(),
  city: z.string(),
  po_box: z.string().nullable().optional(),
  state_province_code: z.string().optional(),
  country_code: z.string(),
  email: z.string().optional(),
  phone_number: z.string().optional(),
});

export type WireAddress = z.output<typeof wireAddress>;
