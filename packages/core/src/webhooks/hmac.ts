import { createHmac, type KeyObject } from 'node:crypto';
import type { SignatureScheme, SignedParts } from './scheme.js';

/*
 * What a scheme signs reaches the HMAC as a text prefix then a body, fed in two updates so the
 * body is never copied into a new buffer. A scheme without `signedPrefix` gets an empty prefix and
 * its own `signedContent` as the body. Both are computed once per delivery and reused per secret.
 */

/** The text signed before the body: the scheme's prefix, or nothing. */
export function signedPrefixOf(scheme: SignatureScheme, parts: SignedParts): string {
  return scheme.signedPrefix ? scheme.signedPrefix(parts) : '';
}

/** The bytes signed after the prefix: the raw body, or the scheme's whole signed content. */
export function signedBodyOf(scheme: SignatureScheme, rawBody: Buffer | string, parts: SignedParts): Buffer | string {
  if (scheme.signedPrefix) return rawBody;
  return scheme.signedContent(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody, parts);
}

/** The HMAC digest of `prefix` then `body` under `key`; a string body is hashed as its UTF-8 bytes. */
export function hmacDigest(algorithm: SignatureScheme['algorithm'], key: KeyObject, prefix: string, body: Buffer | string): Buffer {
  const hmac = createHmac(algorithm, key);
  if (prefix !== '') hmac.update(prefix, 'utf8');
  if (typeof body === 'string') hmac.update(body, 'utf8');
  else hmac.update(body);
  return hmac.digest();
}
