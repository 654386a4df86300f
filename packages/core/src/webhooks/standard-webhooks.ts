import { headerValues, singleHeader, type WebhookHeaders } from './headers.js';
import {
  parseEpochSeconds,
  prefixedContent,
  signedId,
  signedSeconds,
  type OfferedSignatures,
  type SignatureScheme,
} from './scheme.js';

const NAME = 'standard-webhooks';
const ID_HEADER = 'webhook-id';
const TIMESTAMP_HEADER = 'webhook-timestamp';
const SIGNATURE_HEADER = 'webhook-signature';
const SECRET_PREFIX = 'whsec_';
const VERSION_PREFIX = 'v1,';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * `webhook-signature` is a space-separated list of `<version>,<signature>`; only `v1` (HMAC-SHA256)
 * is symmetric. `v1a` (ed25519) and unknown versions are skipped rather than failing the whole
 * header, as the spec asks.
 */
function readStandard(headers: WebhookHeaders): OfferedSignatures | undefined {
  const values = headerValues(headers, SIGNATURE_HEADER);
  if (values.length === 0) return undefined;
  const id = singleHeader(headers, ID_HEADER);
  const timestamp = parseEpochSeconds(singleHeader(headers, TIMESTAMP_HEADER));
  if (id === undefined || id === '' || timestamp === undefined) return { signatures: [] };
  const signatures: string[] = [];
  // Scanned by hand rather than split: splitting costs more than the rest of the read together.
  for (const value of values) {
    let start = 0;
    while (start < value.length) {
      let end = value.indexOf(' ', start);
      if (end === -1) end = value.length;
      if (value.startsWith(VERSION_PREFIX, start)) signatures.push(value.slice(start + VERSION_PREFIX.length, end));
      start = end + 1;
    }
  }
  return { signatures, timestamp, id };
}

/** The key is the base64 after `whsec_` (the prefix is optional, as in the reference libraries). */
function standardKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  // The message names the shape expected, never the value: it may be logged.
  if (!BASE64.test(encoded)) throw new TypeError(`Invalid ${NAME} secret: expected base64 after ${SECRET_PREFIX}`);
  return Buffer.from(encoded, 'base64');
}

/** Standard Webhooks (Svix and others): `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`; signs `${id}.${t}.${body}`; 5 min tolerance. */
export const standardWebhooksScheme: SignatureScheme = Object.freeze({
  name: NAME,
  algorithm: 'sha256',
  encoding: 'base64',
  toleranceMs: 300_000,
  signedHeaders: [ID_HEADER, TIMESTAMP_HEADER],
  read: readStandard,
  signedPrefix: (parts) => `${signedId(NAME, parts)}.${signedSeconds(NAME, parts)}.`,
  signedContent: (rawBody, parts) => prefixedContent(`${signedId(NAME, parts)}.${signedSeconds(NAME, parts)}.`, rawBody),
  key: standardKey,
  write: (signature, parts) => ({
    [ID_HEADER]: signedId(NAME, parts),
    [TIMESTAMP_HEADER]: signedSeconds(NAME, parts),
    [SIGNATURE_HEADER]: `${VERSION_PREFIX}${signature}`,
  }),
} satisfies SignatureScheme);
