import { IntegrationError } from '@interlock/core';

/** The characters a carrier's label fields can carry. */
export interface CarrierCharset {
  /** Named in the error, e.g. `latin-1`. */
  readonly name: string;
  accepts(codePoint: number): boolean;
}

/** Printable ASCII: what the oldest carrier systems take. */
export const ASCII_PRINTABLE: CarrierCharset = Object.freeze({ name: 'ascii', accepts: (c: number) => c >= 0x20 && c <= 0x7e });

/** ISO 8859-1 printable: "Müller GmbH" fits, "Łódź" does not. */
export const LATIN_1: CarrierCharset = Object.freeze({ name: 'latin-1', accepts: (c: number) => (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) });

/** Any Unicode text without control characters: a carrier that takes UTF-8. */
export const UNICODE: CarrierCharset = Object.freeze({
  name: 'unicode',
  accepts: (c: number) => c >= 0x20 && !(c >= 0x7f && c <= 0x9f) && !(c >= 0xd800 && c <= 0xdfff),
});

const hex = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Checks every text field of `value` (addresses, customs descriptions) against what the carrier
 * can print, and refuses the whole request when one cannot be sent as is: an `invalid_request`
 * with reason `unsupported_characters`, naming the fields and code points but never the text
 * (it is personal data). Nothing is transliterated: "Łódź" printed as "Lodz" or "??d?" on a
 * label is a parcel the depot cannot match, and the caller decides what to send instead.
 */
export function assertCarrierCharset(value: unknown, charset: CarrierCharset, context: { provider: string; endpoint: string }): void {
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      const refused = [...new Set([...node].map((char) => char.codePointAt(0) as number).filter((c) => !charset.accepts(c)))];
      if (refused.length > 0) problems.push(`${path} (${refused.map(hex).join(', ')})`);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) visit(item, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(value, '');
  if (problems.length === 0) return;
  throw new IntegrationError('invalid_request', `${context.provider} cannot print these characters (${charset.name}): ${problems.join('; ')}`, {
    ...context,
    reason: 'unsupported_characters',
    requestMayHaveReachedProvider: false,
  });
}
