import { headerValues, type WebhookHeaders } from './headers.js';
import { parseEpochSeconds, prefixedContent, signedSeconds, type OfferedSignatures, type SignatureScheme } from './scheme.js';

/**
 * A scheme that signs `${timestamp}${separator}${body}` and sends one header of comma-separated
 * `key=value` pairs: the timestamp under one key and the signatures under another (Stripe's
 * `t=…,v1=…` and the many providers that copied it).
 */
export interface TimestampedHmacSchemeSpec {
  name: string;
  /** Lowercase header name, e.g. `stripe-signature`. */
  header: string;
  /** Key of the epoch-seconds timestamp, e.g. `t`. */
  timestampKey: string;
  /** Key of each signature, e.g. `v1`; other keys (older versions) are ignored, never a downgrade. */
  signatureKey: string;
  /** Between the timestamp and the body in what is signed; default `.`. */
  separator?: string;
  algorithm?: 'sha256' | 'sha1';
  encoding?: 'hex' | 'base64';
  /** Replay window on the signed timestamp; default 5 minutes. */
  toleranceMs?: number;
}

/** Builds a timestamped scheme; the secret is used as text, as these providers do. */
export function timestampedHmacScheme(spec: TimestampedHmacSchemeSpec): SignatureScheme {
  const { name, header } = spec;
  const separator = spec.separator ?? '.';
  const signaturePrefix = `${spec.signatureKey}=`;
  const timestampPrefix = `${spec.timestampKey}=`;
  const read = (headers: WebhookHeaders): OfferedSignatures | undefined => {
    const values = headerValues(headers, header);
    if (values.length === 0) return undefined;
    const signatures: string[] = [];
    let timestampText: string | undefined;
    let timestampCount = 0;
    // Scanned by hand rather than split and trimmed: this runs on every delivery. Several
    // signatures appear while a rolled secret overlaps the old one; repeated header lines are one list.
    for (const value of values) {
      let start = 0;
      while (start < value.length) {
        let end = value.indexOf(',', start);
        if (end === -1) end = value.length;
        while (start < end && value.charCodeAt(start) === 32 /* ' ' */) start++;
        if (value.startsWith(signaturePrefix, start)) {
          signatures.push(value.slice(start + signaturePrefix.length, end).trimEnd());
        } else if (value.startsWith(timestampPrefix, start)) {
          timestampText = value.slice(start + timestampPrefix.length, end).trimEnd();
          timestampCount++;
        }
        start = end + 1;
      }
    }
    // Two timestamps would leave it ambiguous which one the signatures cover.
    const timestamp = timestampCount === 1 ? parseEpochSeconds(timestampText) : undefined;
    if (timestamp === undefined) return { signatures: [] };
    return { signatures, timestamp };
  };
  const prefix = (parts: Parameters<SignatureScheme['signedContent']>[1]): string => `${signedSeconds(name, parts)}${separator}`;
  return Object.freeze({
    name,
    algorithm: spec.algorithm ?? 'sha256',
    encoding: spec.encoding ?? 'hex',
    toleranceMs: spec.toleranceMs ?? 300_000,
    read,
    signedPrefix: prefix,
    signedContent: (rawBody, parts) => prefixedContent(prefix(parts), rawBody),
    key: (secret) => Buffer.from(secret, 'utf8'),
    write: (signature, parts) => ({ [header]: `${timestampPrefix}${signedSeconds(name, parts)},${signaturePrefix}${signature}` }),
  } satisfies SignatureScheme);
}
