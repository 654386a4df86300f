import type { SignatureScheme } from './scheme.js';

const DIGEST_BYTES: Readonly<Record<SignatureScheme['algorithm'], number>> = { sha256: 32, sha1: 20 };
const HEX = /^[0-9a-fA-F]+$/;
const BASE64_UNPADDED = /^[A-Za-z0-9+/]+$/;

/** Bytes in one digest of `algorithm`. */
export function digestBytes(algorithm: SignatureScheme['algorithm']): number {
  return DIGEST_BYTES[algorithm];
}

/**
 * Decodes one offered signature, or undefined when it cannot be a digest of the scheme's
 * algorithm (bad characters, truncated, too long). Node's decoders skip bad characters silently,
 * so the text is checked first; and `timingSafeEqual` needs equal lengths, which this guarantees.
 */
export function decodeSignature(text: string, scheme: SignatureScheme): Buffer | undefined {
  const bytes = DIGEST_BYTES[scheme.algorithm];
  if (scheme.encoding === 'hex') {
    return text.length === bytes * 2 && HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
  }
  // Padding is optional: some senders strip it. Without it, n bytes take ceil(4n/3) characters.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* '=' */) end--;
  const unpadded = end === text.length ? text : text.slice(0, end);
  if (unpadded.length !== Math.ceil((bytes * 4) / 3) || text.length - end > 2 || !BASE64_UNPADDED.test(unpadded)) return undefined;
  return Buffer.from(unpadded, 'base64');
}

/** Encodes a digest the way the scheme sends it. */
export function encodeSignature(digest: Buffer, scheme: SignatureScheme): string {
  return digest.toString(scheme.encoding);
}
