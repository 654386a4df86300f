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
  for (const value of values) {
    for (const item of value.split(',')) {
      const equals = item.indexOf('=');
      if (equals === -1) continue;
      const key = item.slice(0, equals).trim();
      if (key === 'v1') {
        signatures.push(item.slice(equals + 1).trim());
      } else if (key === 't') {
        timestampText = item.slice(equals + 1).trim();
        timestampCount++;
      }
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
