import { z } from 'zod';
import { isCountryCode } from '../countries.js';

/** E.164: a plus, a country code and at most 15 digits in all, no spaces. */
const E164 = /^\+[1-9]\d{1,14}$/;

// Not trimmed: a parse that changes the text would break "as sent"; blank text is refused instead.
const text = z.string().regex(/\S/, 'blank');

/**
 * The one internal address model every connector maps to and from. Text is kept exactly as given
 * (no trimming inside, no case change, no Unicode normalisation), so "Müller GmbH" and "Łódź"
 * reach the carrier as sent; a carrier that cannot print a character refuses the request through
 * `assertCarrierCharset` instead of mangling the label.
 */
export const addressSchema = z.object({
  /** The contact person. */
  name: text,
  company: text.optional(),
  /** Street lines, first to last; the house number may be in them or in `houseNumber`. */
  lines: z.array(text).min(1).max(3),
  /** For carriers that take it apart (Sendcloud's `house_number`, most of continental Europe). */
  houseNumber: text.optional(),
  postalCode: text.optional(),
  city: text,
  /** The state or province code where the country has them (US `CA`, India `MH`, Canada `QC`). */
  stateCode: z.string().regex(/^[A-Z0-9]{1,3}$/).optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code'),
  /** E.164, e.g. `+4930123456`. */
  phone: z.string().regex(E164, 'not an E.164 number').optional(),
  email: z.string().email().optional(),
});

/** A canonical address. */
export type Address = z.infer<typeof addressSchema>;
