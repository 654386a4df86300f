import { timingSafeEqual } from 'node:crypto';
import { requireOption } from '../internal/require-option.js';
import type { WebhookHeaders } from './headers.js';
import { hmacDigest, signedBodyOf, signedPrefixOf } from './hmac.js';
import { cachedKey } from './key-cache.js';
import type { SignatureScheme } from './scheme.js';
import { decodeSignature } from './signature-encoding.js';

/** Why a delivery was refused; each maps to a 400 at ingress and a reason in telemetry. */
export type VerifyFailureReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'signature_mismatch'
  | 'timestamp_outside_tolerance';

/**
 * The outcome of checking one delivery. On success, `secretIndex` says which configured secret
 * matched (so a rotation can tell when the old one stops being used), with the signed timestamp
 * and id if the scheme has them. Never carries a secret or a signature.
 */
export type VerifyResult =
  | { ok: true; secretIndex: number; timestamp?: number; id?: string }
  | { ok: false; reason: VerifyFailureReason };

/** One delivery as received, and the secrets it may be signed with. */
export interface VerifyInput {
  /** The body exactly as received: a re-serialised JSON body would not match. */
  rawBody: Buffer | string;
  headers: WebhookHeaders;
  /** Every secret currently accepted: two while a rotation overlaps the old and the new. */
  secrets: readonly string[];
  /** Epoch ms, from the caller's clock. */
  now: number;
  /** Overrides the scheme's replay window. */
  toleranceMs?: number;
}

// Failures share frozen results rather than build one per refused delivery.
const failure = (reason: VerifyFailureReason): VerifyResult => Object.freeze({ ok: false, reason });
const MISSING = failure('missing_signature');
const MALFORMED = failure('malformed_signature');
const MISMATCH = failure('signature_mismatch');
const OUTSIDE_TOLERANCE = failure('timestamp_outside_tolerance');

function requireSecrets(secrets: readonly string[]): void {
  // The messages never echo a secret: they may be logged.
  if (secrets.length === 0) throw new TypeError('Invalid secrets: expected at least one secret');
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') throw new TypeError('Invalid secrets: every secret must be a non-empty string');
  }
}

/**
 * Checks a delivery's signature against every secret, in constant time, then its replay window.
 *
 * Every offered signature is compared with every secret's digest and no loop exits early, so the
 * time taken does not tell which secret or which signature matched. The signature is checked
 * before the timestamp: an unauthenticated timestamp proves nothing, so
 * `timestamp_outside_tolerance` is only ever said of a genuine delivery replayed or delayed.
 * Configuration errors (no secrets, an undecodable secret) throw a TypeError that names no secret.
 */
export function verifyWebhook(scheme: SignatureScheme, input: VerifyInput): VerifyResult {
  const { secrets } = input;
  requireSecrets(secrets);
  // NaN would make every replay-window comparison false, silently accepting any timestamp.
  if (!Number.isFinite(input.now)) requireOption('now', input.now, false, 'epoch milliseconds');
  const tolerance = input.toleranceMs ?? scheme.toleranceMs;
  if (input.toleranceMs !== undefined && !(input.toleranceMs >= 0 && Number.isFinite(input.toleranceMs))) {
    requireOption('toleranceMs', input.toleranceMs, false, 'a finite number >= 0');
  }
  const offered = scheme.read(input.headers);
  if (offered === undefined) return MISSING;

  const candidates: Buffer[] = [];
  for (const text of offered.signatures) {
    const decoded = decodeSignature(text, scheme);
    if (decoded !== undefined) candidates.push(decoded);
  }
  if (candidates.length === 0) return MALFORMED;

  // What was read is exactly what was signed: the offered parts serve as the signed parts as is.
  const prefix = signedPrefixOf(scheme, offered);
  const body = signedBodyOf(scheme, input.rawBody, offered);

  let secretIndex = -1;
  for (let index = 0; index < secrets.length; index++) {
    const expected = hmacDigest(scheme.algorithm, cachedKey(scheme, secrets[index] as string), prefix, body);
    for (const candidate of candidates) {
      // Evaluated for every pair; only the first match's index is kept.
      const equal = timingSafeEqual(expected, candidate);
      if (equal && secretIndex === -1) secretIndex = index;
    }
  }
  if (secretIndex === -1) return MISMATCH;

  if (offered.timestamp !== undefined && tolerance !== undefined && Math.abs(input.now - offered.timestamp) > tolerance) {
    return OUTSIDE_TOLERANCE;
  }
  const result: VerifyResult = { ok: true, secretIndex };
  if (offered.timestamp !== undefined) result.timestamp = offered.timestamp;
  if (offered.id !== undefined) result.id = offered.id;
  return result;
}
