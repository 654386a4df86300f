import type { WebhookHeaders } from './headers.js';

/** The parts of a delivery, besides the body, that a scheme may sign. */
export interface SignedParts {
  /** Epoch milliseconds (schemes that sign seconds carry them here multiplied by 1000). */
  timestamp?: number;
  /** The delivery's id, for schemes that sign it (Standard Webhooks' `webhook-id`). */
  id?: string;
}

/** What a scheme read from the headers of one delivery. */
export interface OfferedSignatures extends SignedParts {
  /**
   * Encoded signatures, several while the provider overlaps an old and a new secret. Empty when
   * the header is present but offers nothing this scheme can check (e.g. Stripe with only `v0`).
   */
  signatures: readonly string[];
}

/**
 * One provider's signing convention, as data plus three small hooks; `verifyWebhook` and
 * `signWebhook` are the only code that computes or compares HMACs.
 */
export interface SignatureScheme {
  /** e.g. `stripe`, `standard-webhooks`, `razorpay`, `hub-signature-256`. */
  readonly name: string;
  readonly algorithm: 'sha256' | 'sha1';
  readonly encoding: 'hex' | 'base64';
  /**
   * Reads the signature header(s): the signatures offered and the signed timestamp and id if the
   * scheme has them. Undefined when the signature header is absent; `signatures: []` when it is
   * present but unusable (missing timestamp, no signature of a known version).
   */
  read(headers: WebhookHeaders): OfferedSignatures | undefined;
  /** What is signed, e.g. `${t}.${body}` for Stripe, the raw body for Razorpay. */
  signedContent(rawBody: Buffer, parts: SignedParts): Buffer;
  /**
   * When what is signed is a text prefix followed by the raw body, that prefix (`''` for the body
   * alone). Optional: with it the verifier feeds the HMAC in two parts instead of copying the body
   * into a new buffer. It must agree with `signedContent`.
   */
  signedPrefix?(parts: SignedParts): string;
  /** Turns a configured secret into HMAC key bytes (Standard Webhooks: base64 after `whsec_`). */
  key(secret: string): Buffer;
  /** Builds the headers a provider sends with one encoded signature (for `signWebhook`). */
  write(signature: string, parts: SignedParts): Record<string, string>;
  /** Replay window for schemes that sign a timestamp (Stripe and Standard Webhooks: 5 min). */
  readonly toleranceMs?: number;
  /**
   * Lowercase names of the headers whose values the signature covers (Standard Webhooks'
   * `webhook-id`); a webhook intake may read an event's identity only from these or the body.
   */
  readonly signedHeaders?: readonly string[];
}

/** `signedContent` for schemes that sign `prefix + body`, so the two hooks cannot disagree. */
export function prefixedContent(prefix: string, rawBody: Buffer): Buffer {
  return prefix === '' ? rawBody : Buffer.concat([Buffer.from(prefix, 'utf8'), rawBody]);
}

/** The signed timestamp in whole seconds, which is what Stripe and Standard Webhooks put on the wire. */
export function signedSeconds(scheme: string, parts: SignedParts): string {
  if (parts.timestamp === undefined || !Number.isFinite(parts.timestamp)) {
    throw new TypeError(`The ${scheme} scheme signs a timestamp: pass one (epoch ms)`);
  }
  return String(Math.floor(parts.timestamp / 1000));
}

/** The signed delivery id, for schemes that sign one. */
export function signedId(scheme: string, parts: SignedParts): string {
  if (parts.id === undefined || parts.id === '') throw new TypeError(`The ${scheme} scheme signs a delivery id: pass one`);
  return parts.id;
}

/**
 * Epoch seconds as sent in a header, in ms; undefined unless canonical decimal digits (no sign,
 * fraction, exponent or leading zero). The verifier signs `String(seconds)`, so a header such as
 * `t=0017…` could never match; refusing it as malformed says why. Checked by hand rather than
 * with a regular expression because it runs on every delivery.
 */
export function parseEpochSeconds(text: string | undefined): number | undefined {
  if (text === undefined || text.length === 0 || text.length > 15) return undefined;
  if (text.length > 1 && text.charCodeAt(0) === 48 /* '0' */) return undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
  }
  return Number(text) * 1000;
}
