import type { SignatureScheme } from './scheme.js';

const DIGEST_BYTES: Readonly<Record<SignatureScheme['algorithm'], number>> = { sha256: 32, sha1: 20 };
/**
 * Decodes one offered signature, or undefined when it cannot be a digest of the scheme's
 * algorithm (truncated, too long, bad characters). `timingSafeEqual` needs equal lengths, which
 * this guarantees.
 *
 * Validity is read from the decoded length rather than a regular expression (this runs on every
 * delivery): node's hex decoder stops at the first bad character, so a full-length result proves
 * every character was hex. Its base64 decoder skips bad characters instead, so a stray character
 * in place of the padding decodes and is then refused as a mismatch rather than as malformed;
 * either way it is refused.
 */
export function decodeSignature(text: string, scheme: SignatureScheme): Buffer | undefined {
  const bytes = DIGEST_BYTES[scheme.algorithm];
  if (scheme.encoding === 'hex') {
    if (text.length !== bytes * 2) return undefined;
  } else {
    // Padding is optional (some senders strip it): n bytes take ceil(4n/3) characters unpadded.
    const unpadded = Math.ceil((bytes * 4) / 3);
    if (text.length < unpadded || text.length > unpadded + 2) return undefined;
  }
  const decoded = Buffer.from(text, scheme.encoding);
  return decoded.length === bytes ? decoded : undefined;
}

/** Encodes a digest the way the scheme sends it. */
export function encodeSignature(digest: Buffer, scheme: SignatureScheme): string {
  return digest.toString(scheme.encoding);
}
