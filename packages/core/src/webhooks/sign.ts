import { hmacDigest, signedBodyOf, signedPrefixOf } from './hmac.js';
import { cachedKey } from './key-cache.js';
import type { SignatureScheme, SignedParts } from './scheme.js';
import { encodeSignature } from './signature-encoding.js';

/** One delivery to sign as the provider would. */
export interface SignInput {
  rawBody: Buffer | string;
  secret: string;
  /** Epoch ms; required by schemes that sign a timestamp (sent as whole seconds). */
  timestamp?: number;
  /** Required by schemes that sign a delivery id; sent in the id header where the scheme has one. */
  id?: string;
}

/**
 * Builds the headers a provider would send with `rawBody`: for tests, the simulator and the hub's
 * demo. Uses the same digest code as `verifyWebhook`, so the two cannot drift apart.
 */
export function signWebhook(scheme: SignatureScheme, input: SignInput): Record<string, string> {
  if (input.secret === '') throw new TypeError('Invalid secret: expected a non-empty string');
  const parts: SignedParts = {};
  if (input.timestamp !== undefined) parts.timestamp = input.timestamp;
  if (input.id !== undefined) parts.id = input.id;
  const key = cachedKey(scheme, input.secret);
  const digest = hmacDigest(scheme.algorithm, key, signedPrefixOf(scheme, parts), signedBodyOf(scheme, input.rawBody, parts));
  return scheme.write(encodeSignature(digest, scheme), parts);
}
