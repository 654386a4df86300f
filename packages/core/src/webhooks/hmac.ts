import { createHmac } from 'node:crypto';
import type { SignatureScheme, SignedParts } from './scheme.js';

/**
 * How the signed content reaches the HMAC: as a text prefix then the body (no copy of the body),
 * or as the scheme's own `signedContent` buffer. Decided once per delivery, reused per secret.
 */
export type SignedFeed = { prefix: string; body: Buffer | string } | { content: Buffer };

/** Prepares what `scheme` signs for this delivery. */
export function signedFeed(scheme: SignatureScheme, rawBody: Buffer | string, parts: SignedParts): SignedFeed {
  if (scheme.signedPrefix) return { prefix: scheme.signedPrefix(parts), body: rawBody };
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return { content: scheme.signedContent(body, parts) };
}

/** The HMAC digest of the prepared content under `key`. */
export function hmacDigest(algorithm: SignatureScheme['algorithm'], key: Buffer, feed: SignedFeed): Buffer {
  const hmac = createHmac(algorithm, key);
  if ('content' in feed) return hmac.update(feed.content).digest();
  if (feed.prefix !== '') hmac.update(feed.prefix, 'utf8');
  // A string body is hashed as UTF-8, byte for byte what a provider sent as JSON text.
  if (typeof feed.body === 'string') hmac.update(feed.body, 'utf8');
  else hmac.update(feed.body);
  return hmac.digest();
}
