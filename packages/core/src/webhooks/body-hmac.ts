import { headerValues, singleHeader, type WebhookHeaders } from './headers.js';
import type { OfferedSignatures, SignatureScheme } from './scheme.js';

/** A scheme that signs the raw body alone and sends the signature in one header. */
export interface BodyHmacSchemeSpec {
  name: string;
  /** Lowercase header name, e.g. `x-razorpay-signature`. */
  header: string;
  algorithm: 'sha256' | 'sha1';
  encoding: 'hex' | 'base64';
  /** Text before the signature in the header, e.g. `sha256=`. */
  prefix?: string;
  /**
   * Header carrying the delivery id, returned as `id` for dedupe. It is not signed by these
   * schemes, so it only names a delivery: it proves nothing.
   */
  idHeader?: string;
}

/**
 * Builds a scheme for the common "HMAC of the raw body in a header" convention (GitHub-style
 * `X-Hub-Signature` and the many providers that copied it). No timestamp is signed, so there is no replay
 * window: dedupe and the stale guard carry that weight.
 */
export function bodyHmacScheme(spec: BodyHmacSchemeSpec): SignatureScheme {
  const prefix = spec.prefix ?? '';
  const { header, idHeader } = spec;
  const read = (headers: WebhookHeaders): OfferedSignatures | undefined => {
    const values = headerValues(headers, header);
    if (values.length === 0) return undefined;
    const signatures: string[] = [];
    // A value without the prefix (`sha1=` under a `sha256=` scheme) is not ours to check.
    for (const value of values) {
      const trimmed = value.trim();
      if (trimmed.startsWith(prefix)) signatures.push(trimmed.slice(prefix.length));
    }
    const id = idHeader === undefined ? undefined : singleHeader(headers, idHeader);
    return id === undefined ? { signatures } : { signatures, id };
  };
  return Object.freeze({
    name: spec.name,
    algorithm: spec.algorithm,
    encoding: spec.encoding,
    read,
    signedPrefix: () => '',
    signedContent: (rawBody) => rawBody,
    key: (secret) => Buffer.from(secret, 'utf8'),
    write: (signature, parts) => {
      const headers: Record<string, string> = { [header]: `${prefix}${signature}` };
      if (idHeader !== undefined && parts.id !== undefined) headers[idHeader] = parts.id;
      return headers;
    },
  } satisfies SignatureScheme);
}

/** `X-Hub-Signature-256: sha256=<hex>` (GitHub and the many providers that copied it). */
export const hubSignature256Scheme: SignatureScheme = bodyHmacScheme({
  name: 'hub-signature-256',
  header: 'x-hub-signature-256',
  algorithm: 'sha256',
  encoding: 'hex',
  prefix: 'sha256=',
});

/** `X-Hub-Signature: sha1=<hex>`, for providers still on SHA-1; prefer the SHA-256 header when both are sent. */
export const hubSignatureSha1Scheme: SignatureScheme = bodyHmacScheme({
  name: 'hub-signature-sha1',
  header: 'x-hub-signature',
  algorithm: 'sha1',
  encoding: 'hex',
  prefix: 'sha1=',
});
