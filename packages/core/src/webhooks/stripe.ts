import { headerValues } from './headers.js';
import { parseEpochSeconds, prefixedContent, signedSeconds, type OfferedSignatures, type SignatureScheme } from './scheme.js';

const HEADER = 'stripe-signature';
const NAME = 'stripe';

/**
 * Reads `t=<unix s>,v1=<hex>[,v1=<hex>][,v0=<hex>]`. Only `v1` counts: `v0` is Stripe's test-mode
 * legacy signature and other versions would be a downgrade. Several `v1` appear while a rolled
 * secret overlaps the old one. Repeated header lines are read as one list.
 */
function readStripe(headers: Parameters<SignatureScheme['read']>[0]): OfferedSignatures | undefined {
  const values = headerValues(headers, HEADER);
  if (values.length === 0) return undefined;
  const signatures: string[] = [];
  let timestampText: string | undefined;
  let timestampCount = 0;
  // Scanned by hand rather than split and trimmed: this runs on every delivery.
  for (const value of values) {
    let start = 0;
    while (start < value.length) {
      let end = value.indexOf(',', start);
      if (end === -1) end = value.length;
      while (start < end && value.charCodeAt(start) === 32 /* ' ' */) start++;
      if (value.startsWith('v1=', start)) {
        signatures.push(value.slice(start + 3, end).trimEnd());
      } else if (value.startsWith('t=', start)) {
        timestampText = value.slice(start + 2, end).trimEnd();
        timestampCount++;
      }
      start = end + 1;
    }
  }
  // Two `t` values would leave it ambiguous which one the signatures cover.
  const timestamp = timestampCount === 1 ? parseEpochSeconds(timestampText) : undefined;
  if (timestamp === undefined) return { signatures: [] };
  return { signatures, timestamp };
}

/** Stripe: `Stripe-Signature`, hex HMAC-SHA256 of `${t}.${body}` keyed with the whole `whsec_…` string; 5 min tolerance. */
export const stripeScheme: SignatureScheme = Object.freeze({
  name: NAME,
  algorithm: 'sha256',
  encoding: 'hex',
  toleranceMs: 300_000,
  read: readStripe,
  signedPrefix: (parts) => `${signedSeconds(NAME, parts)}.`,
  signedContent: (rawBody, parts) => prefixedContent(`${signedSeconds(NAME, parts)}.`, rawBody),
  // Stripe's endpoint secret is used as text, prefix included: unlike Standard Webhooks it is not base64.
  key: (secret) => Buffer.from(secret, 'utf8'),
  write: (signature, parts) => ({ [HEADER]: `t=${signedSeconds(NAME, parts)},v1=${signature}` }),
} satisfies SignatureScheme);
